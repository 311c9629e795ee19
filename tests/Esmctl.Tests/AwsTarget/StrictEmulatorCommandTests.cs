using System.Net;
using System.Text;
using Esmctl.Commands;
using Esmctl.Tests.Support;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Http;
using Reconciler.Testing;

namespace Esmctl.Tests.AwsTarget;

/// <summary>`esmctl emulator --strict-resources --resources FILE`, run by its handler in process: only what the file
/// declares exists, and a file it cannot read stops it with a clear error before it listens.</summary>
public sealed class StrictEmulatorCommandTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private static EmulatorCommand.Settings Settings(string? resources, bool strict = true) =>
        new("127.0.0.1", 0, null, new ControlPlaneOptions(), new FaultOptions(), false, StrictResources: strict, ResourcesPath: resources);

    private string Seed(string json)
    {
        var path = Path.Combine(_workspace.Root, "resources.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task Only_what_the_seed_file_declares_exists()
    {
        var seed = Seed("""{"functions":[{"name":"orders-handler","aliases":["live"]}],"queues":["arn:aws:sqs:us-east-1:123456789012:orders"]}""");
        using var stop = new CancellationTokenSource();
        var output = new LineWriter();
        var error = new StringWriter();
        var run = EmulatorCommand.RunAsync(Settings(seed), output, error, stop.Token);
        var url = new Uri((await output.FirstLineAsync(TimeSpan.FromSeconds(30))).Split(" on ")[1]);
        using var http = new HttpClient { BaseAddress = url };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=x");
        HttpContent Body(string function, string queue) =>
            new StringContent($$"""{"FunctionName":"{{function}}","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:{{queue}}"}""", Encoding.UTF8, "application/json");

        var declared = await http.PostAsync("2015-03-31/event-source-mappings", Body("orders-handler:live", "orders"));
        var missingFunction = await http.PostAsync("2015-03-31/event-source-mappings", Body("billing", "orders"));
        var missingQueue = await http.PostAsync("2015-03-31/event-source-mappings", Body("orders-handler", "refunds"));

        Assert.Equal(HttpStatusCode.Accepted, declared.StatusCode);
        Assert.Contains("Function does not exist", await missingFunction.Content.ReadAsStringAsync());
        Assert.Contains("NonExistentQueue", await missingQueue.Content.ReadAsStringAsync());
        Assert.Contains("strict resources: 1 functions, 1 event sources declared", error.ToString());
        // The next step for a first-time user: credentials that do, and the target options naming this emulator.
        Assert.Contains($"AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test (any credentials are accepted) and esmctl plan PATH --target aws --endpoint-url {url.GetLeftPart(UriPartial.Authority)} --region us-east-1",
            error.ToString(), StringComparison.Ordinal);
        stop.Cancel();
        Assert.Equal(ExitCodes.Success, await run);
    }

    [Fact]
    public async Task The_emulator_runs_on_the_clock_it_is_given()
    {
        // The command's clock is the process's (CommandServices.Time), so a test can drive dwell and timestamps.
        var time = new ManualTimeProvider(new DateTimeOffset(2030, 6, 1, 12, 0, 0, TimeSpan.Zero));
        using var stop = new CancellationTokenSource();
        var output = new LineWriter();
        var run = EmulatorCommand.RunAsync(Settings(null, strict: false), output, new StringWriter(), stop.Token, time);
        var url = new Uri((await output.FirstLineAsync(TimeSpan.FromSeconds(30))).Split(" on ")[1]);
        using var http = new HttpClient { BaseAddress = url };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20300601/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=x");

        var created = await http.PostAsync("2015-03-31/event-source-mappings", new StringContent(
            """{"FunctionName":"orders-handler","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:orders"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        using var body = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        Assert.Equal(time.GetUtcNow().ToUnixTimeSeconds(), (long)body.RootElement.GetProperty("LastModified").GetDouble());
        stop.Cancel();
        Assert.Equal(ExitCodes.Success, await run);
    }

    [Theory]
    [InlineData("{\"functions\": [\"f:1\"]}", "without a qualifier")]
    [InlineData("not json", "not valid JSON")]
    public async Task A_seed_file_it_cannot_use_stops_it_before_it_listens(string content, string expected)
    {
        var output = new LineWriter();
        var error = new StringWriter();

        var exit = await EmulatorCommand.RunAsync(Settings(Seed(content)), output, error, CancellationToken.None);

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains("error: --resources: ", error.ToString());
        Assert.Contains(expected, error.ToString());
        Assert.Contains("resources.json", error.ToString());
    }

    [Fact]
    public void Without_strict_resources_there_is_no_inventory_and_a_seed_file_turns_it_on()
    {
        Assert.Null(EmulatorCommand.ReadInventory(Settings(null, strict: false)));
        Assert.Empty(EmulatorCommand.ReadInventory(Settings(null))!.Snapshot().Functions);
    }

    /// <summary>Hands the first line written to whoever waits for it.</summary>
    private sealed class LineWriter : StringWriter
    {
        private readonly TaskCompletionSource<string> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            _first.TrySetResult(value ?? "");
        }

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }

        public Task<string> FirstLineAsync(TimeSpan timeout) => _first.Task.WaitAsync(timeout);
    }
}
