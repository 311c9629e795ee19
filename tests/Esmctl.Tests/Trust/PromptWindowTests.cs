using Esmctl.Tests.Support;
using Reconciler.Core.Api;
using Reconciler.Core.Model;

namespace Esmctl.Tests.Trust;

/// <summary>
/// Issue 12, the prompt window: a person may sit at "Enter a value:" for as long as they like, and another team may take a
/// mapping meanwhile, seconds after the live read (well within the minute a read otherwise proves ownership for). Once a
/// person was asked, every write reads its mapping's tags again first.
/// </summary>
public sealed class PromptWindowTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "esmctl-prompt-" + Guid.NewGuid().ToString("N"));
    private EmulatorHarness _emulator = null!;

    private string Manifests => Path.Combine(_root, "manifests");

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHarness.StartAsync();
        Directory.CreateDirectory(Manifests);
        WriteQueue(batchSize: 5);
        var seed = await InProcessEsmctl.Default.RunAsync(["apply", Manifests, "--auto-approve", "--no-wait", .. _emulator.TargetArguments]);
        Assert.True(seed.ExitCode == 0, seed.Stdout + seed.Stderr);
        WriteQueue(batchSize: 7);
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_mapping_retagged_to_another_owner_while_the_person_reads_the_plan_is_not_written()
    {
        var mapping = (await _emulator.MappingsAsync()).Single().Mapping;
        // The person answers "yes" after another team has tagged the mapping as theirs.
        var answer = new AnswerAfter(() => _emulator.ControlPlane
            .TagAsync(mapping.EventSourceMappingArn, new Dictionary<string, string> { [ManagedTags.ManagedBy] = "team-b" }, CancellationToken.None)
            .GetAwaiter().GetResult(), "yes");

        var (code, stdout, stderr) = await RunAsync(answer, ["apply", Manifests, .. _emulator.TargetArguments]);

        Assert.True(answer.Asked, stdout + stderr);
        Assert.True(code == ExitCodes.Error, stdout + stderr);
        Assert.Contains("CONFLICT", stdout);
        Assert.Contains("'team-b'", stdout);
        Assert.Equal(0, _emulator.Requests("UpdateEventSourceMapping"));
        var after = await _emulator.ControlPlane.GetAsync(mapping.Uuid, CancellationToken.None);
        Assert.Equal(5, after.Configuration.BatchSize);
    }

    [Fact]
    public async Task After_the_prompt_the_write_reads_the_tags_again_and_goes_ahead_when_they_still_prove_ownership()
    {
        var mapping = (await _emulator.MappingsAsync()).Single().Mapping;
        var answer = new AnswerAfter(() => { }, "yes");
        var listedBefore = _emulator.Requests("ListTags");

        var (code, stdout, stderr) = await RunAsync(answer, ["apply", Manifests, .. _emulator.TargetArguments]);

        Assert.True(code == ExitCodes.Success, stdout + stderr);
        // Once for the plan, once more before the update.
        Assert.Equal(2, _emulator.Requests("ListTags") - listedBefore);
        Assert.Equal(7, (await _emulator.ControlPlane.GetAsync(mapping.Uuid, CancellationToken.None)).Configuration.BatchSize);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(TextReader input, string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var services = (InProcessEsmctl.Default with { Interactive = true }).Services(output, error, input);
        var code = await Task.Run(() => Program.RunAsync(args, services)).WaitAsync(TimeSpan.FromSeconds(90));
        return (code, output.ToString(), error.ToString());
    }

    private void WriteQueue(int batchSize) =>
        File.WriteAllText(Path.Combine(Manifests, "orders.yaml"),
            "apiVersion: esmctl/v1\nkind: EventSourceMapping\nmetadata:\n  name: orders\nspec:\n  functionName: order-fn\n" +
            $"  eventSourceArn: arn:aws:sqs:us-east-1:123456789012:orders\n  batchSize: {batchSize}\n");

    /// <summary>A person at the prompt: whatever happens while they read (<paramref name="meanwhile"/>), then their line.</summary>
    private sealed class AnswerAfter(Action meanwhile, string line) : TextReader
    {
        public bool Asked { get; private set; }

        public override string? ReadLine()
        {
            Asked = true;
            meanwhile();
            return line;
        }
    }
}
