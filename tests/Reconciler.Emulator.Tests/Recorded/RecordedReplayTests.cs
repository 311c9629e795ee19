using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Reconciler.Emulator.ControlPlane;
using Reconciler.Emulator.Http;
using Reconciler.Emulator.Inventory;
using Reconciler.Testing;
using Xunit.Abstractions;

namespace Reconciler.Emulator.Tests.Recorded;

/// <summary>
/// The emulator answers every recorded request as the live Lambda service did. Each case of Requests/*.json is sent,
/// step by step, over HTTP to a fresh emulator that knows exactly the functions and sources the original test made
/// (strict resources), and each answer is compared with the recording (status, error code and message, every
/// non-identifier member). A field may differ only where the case says why (docs/aws.md lists them).
/// </summary>
public sealed partial class RecordedReplayTests(ITestOutputHelper output)
{
    private const string Account = "111111111111";
    private const string Authorization =
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=x";

    public static TheoryData<string> Cases => new(RecordedCase.All.Select(c => c.Id));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_emulator_answers_as_AWS_did(string id)
    {
        var recordedCase = RecordedCase.All.Single(c => c.Id == id);
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var plane = new EmulatedControlPlane(new ControlPlaneOptions { AccountId = Account }, time, UuidSources.Seeded(11), Inventory(recordedCase));
        await using var server = new EmulatorServer(plane, new EmulatorServerOptions { AccountId = Account, Time = time });
        using var client = new HttpClient { BaseAddress = await server.StartAsync() };
        var comparison = new RecordedComparison(recordedCase.Names);
        var created = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var problems = new List<string>();

        foreach (var step in recordedCase.Steps)
        {
            var (status, code, body) = await SendAsync(client, step, created);
            if (step["id"]?.GetValue<string>() is { } name && body is JsonObject mapping) created[name] = mapping;
            if (step["record"]?.GetValue<string>() is not { } record)
            {
                if (step["status"]?.GetValue<int>() is { } expected && expected != status)
                    problems.Add($"{step["call"]}: expected {expected}, emulator {status} {body?.ToJsonString()}");
                continue;
            }
            var skip = Skipped(recordedCase.Differs, record).Concat(Skipped(recordedCase.Redacted, record)).ToList();
            foreach (var difference in comparison.Compare(recordedCase.Recording[record]!.AsObject(), status, code, body, skip))
                problems.Add($"{record}: {difference}");
        }

        Assert.True(problems.Count == 0, $"{recordedCase.Id}\n{string.Join("\n", problems)}");
        output.WriteLine($"{recordedCase.Id}: {recordedCase.Steps.Count(s => s["record"] is not null)} recorded answers match");
    }

    [Fact]
    public void Every_recorded_answer_of_the_API_is_replayed_or_says_why_not()
    {
        var files = Directory.GetFiles(RecordedCase.RequestsFolder, "*.json")
            .Select(path => JsonNode.Parse(File.ReadAllText(path))!["recording"]!.GetValue<string>()).ToList();
        Assert.Equal(["aws-recorded-api/lambda_api.snapshot.json", "aws-recorded/dynamodbstreams.snapshot.json", "aws-recorded/kinesis.snapshot.json", "aws-recorded/sqs.snapshot.json"],
            files.Order(StringComparer.Ordinal));
        var missing = new List<string>();
        var replayed = 0;
        foreach (var file in files)
        {
            foreach (var (test, content) in RecordedCase.Recordings(file))
            {
                var covering = RecordedCase.All.SingleOrDefault(c => test.EndsWith("::" + c.Test, StringComparison.Ordinal) && c.Recording == content);
                foreach (var (step, answer) in content.Where(s => RecordedCase.IsApiAnswer(s.Value)))
                {
                    var covered = RecordedCase.All.Any(c => test.EndsWith("::" + c.Test, StringComparison.Ordinal)
                        && (c.Steps.Any(s => s["record"]?.GetValue<string>() == step) || c.NotReplayed.ContainsKey(step)));
                    if (covered) replayed++;
                    else missing.Add($"{file}: {test} {step}");
                }
            }
        }
        Assert.True(missing.Count == 0, "recorded answers no case replays:\n" + string.Join("\n", missing));
        var exceptions = RecordedCase.All.SelectMany(c => c.Differs.Select(d => $"{c.Id} {d.Key}: {string.Join("; ", d.Value.Select(f => $"{f.Key}: {f.Value}"))}")).ToList();
        output.WriteLine($"{replayed} recorded answers in {RecordedCase.All.Count} cases; {exceptions.Count} with a field that differs for a stated reason:");
        foreach (var line in exceptions) output.WriteLine("  " + line);
    }

    /// <summary>The functions (with the versions and aliases they are called by) and sources the case's requests name,
    /// less the ones the original test never made.</summary>
    private static ResourceInventory Inventory(RecordedCase recordedCase)
    {
        var inventory = new ResourceInventory(new ControlPlaneOptions { AccountId = Account });
        foreach (var body in recordedCase.Steps.Select(s => s["body"]).OfType<JsonObject>())
        {
            if (body["FunctionName"]?.GetValue<string>() is { } function && !recordedCase.Absent.Contains(function) && FunctionReference.TryParse(function) is { } reference)
            {
                var unqualified = reference with { Qualifier = null };
                var qualifier = reference.Qualifier is { } q && !q.StartsWith('$') ? q : null;
                inventory.AddFunction(unqualified.ToArn("aws", "us-east-1", Account),
                    versions: qualifier is not null && qualifier.All(char.IsDigit) ? [qualifier] : null,
                    aliases: qualifier is not null && !qualifier.All(char.IsDigit) ? [qualifier] : null);
            }
            if (body["EventSourceArn"]?.GetValue<string>() is { } source && !recordedCase.Absent.Contains(source)) inventory.AddSource(source);
        }
        return inventory;
    }

    private static async Task<(int Status, string? Code, JsonNode? Body)> SendAsync(HttpClient client, JsonObject step, IReadOnlyDictionary<string, JsonObject> created)
    {
        var call = step["call"]!.GetValue<string>();
        var space = call.IndexOf(' ');
        var target = Placeholder().Replace(call[(space + 1)..], m =>
        {
            var mapping = created[m.Groups["id"].Value];
            return m.Groups["arn"].Success ? Uri.EscapeDataString(mapping["EventSourceMappingArn"]!.GetValue<string>()) : mapping["UUID"]!.GetValue<string>();
        });
        var query = target.IndexOf('?');
        var path = query < 0 ? target : target[..query];
        // The SDKs escape a path ARN and query values; the tests' ARNs are written plainly.
        if (path.StartsWith("/2017-03-31/tags/arn:", StringComparison.Ordinal)) path = "/2017-03-31/tags/" + Uri.EscapeDataString(path["/2017-03-31/tags/".Length..]);
        var escapedQuery = query < 0 ? "" : "?" + string.Join("&", target[(query + 1)..].Split('&').Select(p =>
        {
            var equals = p.IndexOf('=');
            return p[..equals] + "=" + Uri.EscapeDataString(p[(equals + 1)..]);
        }));
        using var request = new HttpRequestMessage(new HttpMethod(call[..space]), path.TrimStart('/') + escapedQuery);
        request.Headers.TryAddWithoutValidation("Authorization", Authorization);
        if (step["body"] is JsonObject body) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var code = response.Headers.TryGetValues("x-amzn-errortype", out var values) ? values.Single() : null;
        return ((int)response.StatusCode, code, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private static IEnumerable<string> Skipped(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> byStep, string record) =>
        byStep.TryGetValue(record, out var fields) ? fields.Keys : [];

    [GeneratedRegex(@"\{(?<id>[a-z_]+)(?<arn>\.arn)?\}")]
    private static partial Regex Placeholder();
}
