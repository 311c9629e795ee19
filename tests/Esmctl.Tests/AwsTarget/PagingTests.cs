using System.Text.Json;
using Esmctl.Tests.Support;
using Reconciler.Core.Model;

namespace Esmctl.Tests.AwsTarget;

/// <summary>More mappings than one ListEventSourceMappings page holds (100): plan reads every page, once.</summary>
public sealed class PagingTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Plan_reads_250_mappings_in_three_pages_and_sorts_them_into_unmanaged_and_orphans()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        // 245 made by hand on a function the manifests manage (unmanaged), 5 this owner made for manifests that are gone (orphans).
        for (var i = 0; i < 245; i++)
        {
            await emulator.ControlPlane.CreateAsync(new MappingConfiguration
            {
                FunctionName = ExampleMappings.OrdersFunction,
                EventSourceArn = $"arn:aws:sqs:us-east-1:123456789012:hand-made-{i:D3}",
            }, CancellationToken.None);
        }
        for (var i = 0; i < 5; i++)
        {
            await emulator.ControlPlane.CreateAsync(new MappingConfiguration
            {
                FunctionName = "retired-function",
                EventSourceArn = $"arn:aws:sqs:us-east-1:123456789012:retired-{i}",
                Tags = ExampleMappings.Owned($"retired-{i}"),
            }, CancellationToken.None);
        }

        var plan = await InProcessEsmctl.With(EmulatorHarness.AwsEnvironment()).RunAsync(["plan", _workspace.Manifests, "--output", "json", .. emulator.TargetArguments]);

        Assert.True(plan.ExitCode == 0, plan.Stdout + plan.Stderr);
        using var document = JsonDocument.Parse(plan.Stdout);
        var root = document.RootElement;
        var unmanaged = root.GetProperty("unmanaged").EnumerateArray().ToList();
        var orphans = root.GetProperty("orphans").EnumerateArray().ToList();
        Assert.Equal(245, unmanaged.Count);
        Assert.Equal(245, unmanaged.Select(u => u.GetProperty("uuid").GetString()).Distinct().Count());
        Assert.All(unmanaged, u => Assert.EndsWith(":function:order-processor", u.GetProperty("functionArn").GetString(), StringComparison.Ordinal));
        Assert.Equal(["retired-0", "retired-1", "retired-2", "retired-3", "retired-4"],
            orphans.Select(o => o.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(9, root.GetProperty("actions").GetArrayLength());

        Assert.Equal((int)Math.Ceiling(250 / 100.0), emulator.Requests("ListEventSourceMappings"));
        var lists = emulator.Server.RequestLog.Snapshot().Where(r => r.Operation == "ListEventSourceMappings").ToList();
        Assert.All(lists, l => Assert.Equal(200, l.Status));
        Assert.Equal(0, emulator.Requests("CreateEventSourceMapping"));
    }
}
