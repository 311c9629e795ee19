using System.Net;
using System.Net.Sockets;
using Esmctl.Tests.Support;
using Reconciler.Core.Api;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Http;

namespace Esmctl.Tests.MultiTarget;

/// <summary>One repository, several accounts and regions (esmctl.yaml), against two HTTP emulators that are two
/// accounts in two regions, a target whose endpoint refuses connections, and a target whose credentials belong to
/// another account than declared.</summary>
public sealed class MultiTargetTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "esmctl-multi-" + Guid.NewGuid().ToString("N"));
    private EmulatorHarness _east = null!;
    private EmulatorHarness _west = null!;

    private string Manifests => Path.Combine(_root, "manifests");

    public async Task InitializeAsync()
    {
        _east = await EmulatorHarness.StartAsync(
            new EmulatorServerOptions { AccountId = "111111111111" },
            new ControlPlaneOptions { AccountId = "111111111111", Region = "us-east-1" });
        _west = await EmulatorHarness.StartAsync(
            new EmulatorServerOptions { AccountId = "222222222222" },
            new ControlPlaneOptions { AccountId = "222222222222", Region = "eu-west-1" });
        Directory.CreateDirectory(Manifests);
        File.WriteAllText(Path.Combine(Manifests, "esmctl.yaml"), $"""
            targets:
              - name: prod-east
                region: us-east-1
                account: "111111111111"
                endpointUrl: {Url(_east)}
              - name: prod-west
                region: eu-west-1
                account: "222222222222"
                endpointUrl: {Url(_west)}
              - name: unreachable
                region: ap-south-1
                account: "333333333333"
                endpointUrl: http://127.0.0.1:{ClosedPort()}
              - name: wrong-account
                region: us-east-1
                account: "444444444444"
                endpointUrl: {Url(_east)}
            """);
        Manifest("east", "111111111111", "us-east-1");
        Manifest("west", "222222222222", "eu-west-1");
        Manifest("south", "333333333333", "ap-south-1");
        Manifest("guarded", "444444444444", "us-east-1");
    }

    public async Task DisposeAsync()
    {
        await _east.DisposeAsync();
        await _west.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private static string Url(EmulatorHarness harness) => harness.Url.ToString().TrimEnd('/');

    /// <summary>A loopback port nothing listens on: bound, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private void Manifest(string name, string account, string region) =>
        File.WriteAllText(Path.Combine(Manifests, name + ".yaml"), $"""
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: {name}-orders
              region: {region}
              account: "{account}"
            spec:
              functionName: order-processor
              eventSourceArn: arn:aws:sqs:{region}:{account}:orders
              batchSize: 5
            """);

    private EsmctlProcess.Result Esmctl(params string[] args) => InProcessEsmctl.Default.Run(args);

    private static async Task<int> CountAsync(EmulatorHarness harness) =>
        (await harness.ControlPlane.ListAsync(new ListMappingsQuery(), CancellationToken.None)).Mappings.Count;

    [Fact]
    public async Task Every_target_is_planned_and_applied_on_its_own_and_failures_do_not_stop_the_others()
    {
        var plan = Esmctl("plan", Manifests, "--detailed-exitcode");
        Assert.True(plan.ExitCode == 1, plan.Stdout + plan.Stderr);
        Assert.Contains("=== target prod-east (account 111111111111, us-east-1) ===", plan.Stdout);
        Assert.Contains("=== target prod-west (account 222222222222, eu-west-1) ===", plan.Stdout);
        Assert.True(plan.Stdout.Contains("Targets: 2 planned, 2 failed."), plan.Stdout + plan.Stderr);
        Assert.Contains("  prod-east: 1 to create", plan.Stdout);
        Assert.Contains("  prod-west: 1 to create", plan.Stdout);
        Assert.Contains("error: target unreachable:", plan.Stderr);
        // The failure's paragraph once under its heading, not again in the summary.
        Assert.Contains("  unreachable: failed (see its section above)\n", plan.Stdout);
        Assert.Contains("error: target wrong-account: the credentials belong to account 111111111111, not 444444444444", plan.Stderr);
        Assert.Equal(0, await CountAsync(_east));

        var apply = Esmctl("apply", Manifests, "--auto-approve");
        Assert.True(apply.ExitCode == 1, apply.Stdout + apply.Stderr);
        Assert.Contains("  prod-east: applied", apply.Stdout);
        Assert.Contains("  prod-west: applied", apply.Stdout);
        Assert.Contains("error: target unreachable:", apply.Stderr);
        Assert.Equal(1, await CountAsync(_east));
        Assert.Equal(1, await CountAsync(_west));
        var west = (await _west.ControlPlane.ListAsync(new ListMappingsQuery(), CancellationToken.None)).Mappings.Single();
        Assert.Equal("arn:aws:lambda:eu-west-1:222222222222:function:order-processor", west.FunctionArn);

        // The guarded manifest never reached the east emulator, though its target pointed there.
        var again = Esmctl("plan", Manifests, "--output", "json");
        Assert.Contains("\"name\": \"prod-east\"", again.Stdout);
        Assert.Contains("  prod-east: no changes", Esmctl("apply", Manifests, "--auto-approve").Stdout);
    }

    [Fact]
    public void A_manifest_no_target_selects_stops_the_run_before_any_target_is_read()
    {
        Manifest("nowhere", "555555555555", "us-east-1");
        var plan = Esmctl("plan", Manifests);
        Assert.Equal(1, plan.ExitCode);
        Assert.Contains("nowhere.yaml", plan.Stderr);
        Assert.Contains("no target in esmctl.yaml", plan.Stderr);
        Assert.Empty(_east.Server.RequestLog.Snapshot());
    }

    [Fact]
    public void Validate_skips_esmctl_yaml()
    {
        var validate = Esmctl("validate", Manifests);
        Assert.True(validate.ExitCode == 0, validate.Stdout + validate.Stderr);
        Assert.Contains("4 mappings", validate.Stdout);
    }
}
