using System.Text.Json.Nodes;

namespace Esmctl.Tests.Distribution;

/// <summary>The binary users run resolves the libraries the tests ran with. The tests' own dependencies (the test SDK)
/// lift a shared library to a newer version in the test folder, so a product that depends only transitively on an old
/// one would pass every test and behave differently when shipped.</summary>
public sealed class ShippedDependencyTests
{
    [Fact]
    public void Esmctl_ships_the_Newtonsoft_Json_the_tests_ran_with()
    {
        // Manifest validation (NJsonSchema) and YAML filter patterns serialise with Newtonsoft.Json; NJsonSchema alone
        // asks for 9.0.1, which cannot hold a whole number beyond 64 bits (validate crashed on one) and the tests never see.
        var deps = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "esmctl.deps.json")))!;
        var libraries = deps["libraries"]!.AsObject().Select(l => l.Key).Where(k => k.StartsWith("Newtonsoft.Json/", StringComparison.Ordinal)).ToList();
        var tested = typeof(Newtonsoft.Json.Linq.JValue).Assembly.GetName().Version!;
        var shipped = Version.Parse(Assert.Single(libraries)["Newtonsoft.Json/".Length..]);
        Assert.Equal((tested.Major, tested.Minor), (shipped.Major, shipped.Minor));
    }
}
