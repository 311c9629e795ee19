using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Planning;

/// <summary>
/// Every planner fixture folder, as one table. A missing expected.txt is written from the actual plan and the case
/// fails, so a new fixture's plan must be read and committed before it can pass; set UPDATE_PLAN_FIXTURES=1 to
/// rewrite all of them after an intended change (and review the diff).
/// </summary>
public sealed class PlannerFixtureTests
{
    public static TheoryData<string> Cases() => [.. PlanFixture.Names()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plan_matches_the_expected_plan(string fixture)
    {
        var input = PlanFixture.Load(fixture);
        var actual = PlanFixtureText.Render(Planner.Plan(input.Desired, input.Live, input.Options));

        var expectedPath = Path.Combine(input.Directory, "expected.txt");
        if (!File.Exists(expectedPath) || Environment.GetEnvironmentVariable("UPDATE_PLAN_FIXTURES") == "1")
        {
            File.WriteAllText(expectedPath, actual);
            Assert.Fail($"wrote {expectedPath}: review it and commit it");
        }
        Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), actual);
    }

    [Fact]
    public void Every_fixture_has_an_expected_plan()
    {
        var missing = PlanFixture.Names().Where(n => !File.Exists(Path.Combine(PlanFixture.Root(), n, "expected.txt"))).ToList();
        Assert.Empty(missing);
    }
}
