using System.Text;
using System.Text.Json.Nodes;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Live;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Testing;

namespace Reconciler.Core.Tests.Validation;

/// <summary>
/// The recordings of the live service as the reference for every rule: for each recorded successful create, the
/// manifest a user would write for the request LocalStack's test sent (reconstructed from
/// tests/aws/services/lambda_/event_source_mapping/test_lambda_integration_*.py) validates, and planning it against
/// the recorded response shows no change; each recorded refusal that can be known without AWS is refused by
/// validation. A new recording fails here until its request is reconstructed or its refusal classified.
/// </summary>
public sealed class RecordedRequestTests
{
    private static readonly PlanOptions Options = new() { Account = RecordedResponses.Account, Region = RecordedResponses.Region };

    private const string StreamBase = "startingPosition: TRIM_HORIZON\nmaximumBatchingWindowInSeconds: 1";

    /// <summary>The members each test sent besides FunctionName and EventSourceArn, as manifest lines; keyed by test
    /// id, or by its prefix for a parametrised test (the parameter is then read where the request shows it).</summary>
    private static readonly (string Test, string Spec)[] Requests =
    [
        // test_lambda_integration_sqs.py
        ("test_report_batch_item_failures", "batchSize: 10\nmaximumBatchingWindowInSeconds: 0\nfunctionResponseTypes: [ReportBatchItemFailures]"),
        ("TestSQSEventSourceMapping::test_event_source_mapping_default_batch_size", ""),
        ("TestSQSEventSourceMapping::test_sqs_event_source_mapping", "maximumBatchingWindowInSeconds: 1"),
        ("TestSQSEventSourceMapping::test_sqs_event_filter[", "maximumBatchingWindowInSeconds: 1\n{filter-as-yaml}"),
        ("TestSQSEventSourceMapping::test_sqs_event_source_mapping_update", "{function-arn}\nmaximumBatchingWindowInSeconds: 1"),
        ("TestSQSEventSourceMapping::test_duplicate_event_source_mappings", ""),
        ("test_fifo_message_group_parallelism", "enabled: false\nbatchSize: 1"),
        // MaximumBatchingWindowInSeconds=10 if is_aws_cloud(): the recording anonymised the echoed 10.
        ("TestSQSEventSourceMapping::test_sqs_event_source_mapping_batch_size[", "maximumBatchingWindowInSeconds: 10\nbatchSize: {param}"),
        ("TestSQSEventSourceMapping::test_sqs_event_source_mapping_batching_reserved_concurrency", "maximumBatchingWindowInSeconds: 1\nbatchSize: 20\nscalingConfig: {maximumConcurrency: 2}"),
        // test_lambda_integration_kinesis.py
        ("TestKinesisSource::test_create_kinesis_event_source_mapping", "startingPosition: LATEST"),
        ("TestKinesisSource::test_kinesis_event_source_mapping_with_async_invocation", "startingPosition: LATEST\nbatchSize: 10"),
        ("TestKinesisSource::test_kinesis_event_source_trim_horizon", "startingPosition: TRIM_HORIZON\nbatchSize: 10"),
        ("TestKinesisSource::test_disable_kinesis_event_source_mapping", "startingPosition: LATEST\nbatchSize: 10"),
        ("TestKinesisSource::test_kinesis_event_source_mapping_with_on_failure_destination_config", $"batchSize: 1\n{StreamBase}\nmaximumRetryAttempts: 1\n{{destination}}"),
        ("TestKinesisEventFiltering::test_kinesis_event_filtering_json_pattern", $"batchSize: 1\n{StreamBase}\nmaximumRetryAttempts: 1\n{{filter-as-string}}"),
        ("TestKinesisSource::test_duplicate_event_source_mappings", "startingPosition: LATEST"),
        ("TestKinesisSource::test_create_kinesis_event_source_mapping_multiple_lambdas_single_kinesis_event_stream", "startingPosition: TRIM_HORIZON"),
        ("TestKinesisSource::test_kinesis_event_source_mapping_with_sns_on_failure_destination_config", $"batchSize: 1\n{StreamBase}\nmaximumRetryAttempts: 1\n{{destination}}"),
        ("TestKinesisSource::test_kinesis_report_batch_item_failures", $"batchSize: 3\n{StreamBase}\nmaximumRetryAttempts: 3\n{{destination}}\nfunctionResponseTypes: [ReportBatchItemFailures]"),
        ("TestKinesisSource::test_kinesis_report_batch_item_success_scenarios[", $"batchSize: 1\n{StreamBase}\nfunctionResponseTypes: [ReportBatchItemFailures]\nmaximumRetryAttempts: 2"),
        ("TestKinesisSource::test_kinesis_report_batch_item_failure_scenarios[", $"batchSize: 1\n{StreamBase}\nfunctionResponseTypes: [ReportBatchItemFailures]\nmaximumRetryAttempts: 2\n{{destination}}"),
        ("TestKinesisSource::test_kinesis_empty_provided", $"batchSize: 1\n{StreamBase}\nmaximumRetryAttempts: 2"),
        ("TestKinesisSource::test_kinesis_event_source_mapping_with_s3_on_failure_destination", $"batchSize: 1\n{StreamBase}\nmaximumRetryAttempts: 1\n{{destination}}"),
        ("TestKinesisSource::test_kinesis_maximum_record_age_exceeded[expire-while-retrying]", $"batchSize: 1\n{StreamBase}\nmaximumRetryAttempts: -1\nmaximumRecordAgeInSeconds: 60\n{{destination}}"),
        ("TestKinesisSource::test_kinesis_maximum_record_age_exceeded[expire-before-ingestion]", $"batchSize: 1\n{StreamBase}\nmaximumRetryAttempts: 0\nmaximumRecordAgeInSeconds: 60\n{{destination}}"),
        ("TestKinesisSource::test_kinesis_maximum_record_age_exceeded_discard_records", $"batchSize: 10\n{StreamBase}\nmaximumRetryAttempts: 0\nmaximumRecordAgeInSeconds: 60\n{{destination}}"),
        // test_lambda_integration_dynamodbstreams.py
        ("TestDynamoDBEventSourceMapping::test_dynamodb_event_source_mapping", $"batchSize: 1\n{StreamBase}\nmaximumRetryAttempts: 1"),
        ("TestDynamoDBEventSourceMapping::test_disabled_dynamodb_event_source_mapping", StreamBase),
        ("TestDynamoDBEventSourceMapping::test_deletion_event_source_mapping_with_dynamodb", "startingPosition: TRIM_HORIZON"),
        ("TestDynamoDBEventSourceMapping::test_dynamodb_event_source_mapping_with_on_failure_destination_config", $"batchSize: 1\n{StreamBase}\nmaximumRetryAttempts: 1\n{{destination}}"),
        ("TestDynamoDBEventSourceMapping::test_duplicate_event_source_mappings", $"{StreamBase}\nmaximumRetryAttempts: 1"),
        ("TestDynamoDBEventSourceMapping::test_dynamodb_event_filter[", $"batchSize: 1\n{StreamBase}\nmaximumRetryAttempts: 1\n{{filter-as-string}}"),
        ("TestDynamoDBEventSourceMapping::test_dynamodb_event_source_mapping_with_sns_on_failure_destination_config", $"batchSize: 1\n{StreamBase}\nmaximumRetryAttempts: 1\n{{destination}}"),
        ("TestDynamoDBEventSourceMapping::test_dynamodb_report_batch_item_failures", $"batchSize: 3\n{StreamBase}\nmaximumRetryAttempts: 3\n{{destination}}\nfunctionResponseTypes: [ReportBatchItemFailures]"),
        // Recorded by LocalStack commit c17310433 under this name, beside test_dynamodb_report_batch_item_failures, whose
        // request (the same members, echoed identically) is the only one of that shape in the file.
        ("TestDynamoDBEventSourceMapping::test_dynamodb_report_batch_item_failures_with_on_failure_destination_config", $"batchSize: 3\n{StreamBase}\nmaximumRetryAttempts: 3\n{{destination}}\nfunctionResponseTypes: [ReportBatchItemFailures]"),
        ("TestDynamoDBEventSourceMapping::test_dynamodb_event_source_mapping_with_s3_on_failure_destination", $"batchSize: 1\n{StreamBase}\nmaximumRetryAttempts: 1\n{{destination}}"),
    ];

    /// <summary>Values the recording anonymised, as the test sent them (the recording shows a placeholder).</summary>
    private static void FillAnonymised(RecordedStep step, JsonObject mapping)
    {
        if (step.Test.StartsWith("TestSQSEventSourceMapping::test_sqs_event_source_mapping_batch_size[", StringComparison.Ordinal))
            mapping["MaximumBatchingWindowInSeconds"] = 10;
        if (step.Test == "TestDynamoDBEventSourceMapping::test_dynamodb_event_filter[date_time_conversion]")
            mapping["FilterCriteria"]!["Filters"]![0]!["Pattern"] = JsonNode.Parse("""{"dynamodb": {"ApproximateCreationDateTime": [{"numeric": [">", 0]}]}}""");
    }

    /// <summary>Refusals validation must give without AWS: the request each test sent, as manifest lines.</summary>
    private static readonly (string Test, string Step, string Spec, string Message)[] OfflineRefusals =
    [
        // MAX_SQS_BATCH_SIZE_FIFO + 1 with no batching window.
        ("TestSQSEventSourceMapping::test_event_source_mapping_default_batch_size", "invalid-create-event-source-mapping",
            "eventSourceArn: arn:aws:sqs:us-east-1:111111111111:resource-3\nbatchSize: 11", "Maximum batch window in seconds must be greater than 0"),
        ("TestSQSEventSourceMapping::test_sqs_invalid_event_filter[None]", "create_event_source_mapping_exception",
            $"{Sqs}\nmaximumBatchingWindowInSeconds: 1\nfilterCriteria: {{filters: [{{pattern: 'null'}}]}}", "Invalid filter pattern definition."),
        ("TestSQSEventSourceMapping::test_sqs_invalid_event_filter[simple string]", "create_event_source_mapping_exception",
            $"{Sqs}\nmaximumBatchingWindowInSeconds: 1\nfilterCriteria: {{filters: [{{pattern: simple string}}]}}", "Invalid filter pattern definition."),
        ("TestSQSEventSourceMapping::test_sqs_invalid_event_filter[invalid_filter2]", "create_event_source_mapping_exception",
            $"{Sqs}\nmaximumBatchingWindowInSeconds: 1\nfilterCriteria: {{filters: [{{pattern: '{{\"eventSource\": \"aws:sqs\"}}'}}]}}", "Invalid filter pattern definition."),
        ("TestSQSEventSourceMapping::test_sqs_invalid_event_filter[invalid_filter3]", "create_event_source_mapping_exception",
            $"{Sqs}\nmaximumBatchingWindowInSeconds: 1\nfilterCriteria: {{filters: [{{pattern: '{{\"eventSource\": []}}'}}]}}", "Invalid filter pattern definition."),
        ("TestDynamoDBEventSourceMapping::test_dynamodb_invalid_event_filter[single-string]", "exception_event_source_creation",
            $"{DynamoDb}\nbatchSize: 1\n{StreamBase}\nmaximumRetryAttempts: 1\nfilterCriteria: {{filters: [{{pattern: single-string}}]}}", "Invalid filter pattern definition."),
        ("TestDynamoDBEventSourceMapping::test_dynamodb_invalid_event_filter[[{\"eventName\": [\"INSERT\"=123}]]", "exception_event_source_creation",
            $"{DynamoDb}\nbatchSize: 1\n{StreamBase}\nmaximumRetryAttempts: 1\nfilterCriteria: {{filters: [{{pattern: '[{{\"eventName\": [\"INSERT\"=123}}]'}}]}}", "Invalid filter pattern definition."),
    ];

    private const string Sqs = "eventSourceArn: arn:aws:sqs:us-east-1:111111111111:resource-1";
    private const string DynamoDb = "eventSourceArn: arn:aws:dynamodb:us-east-1:111111111111:table/resource-1/stream/resource-2";

    /// <summary>A second mapping of the same function and source (409 ResourceConflictException): refused offline when
    /// both are in the manifests, by the rule across documents.</summary>
    private static readonly string[] DuplicateRefusals =
    [
        "TestSQSEventSourceMapping::test_duplicate_event_source_mappings",
        "TestKinesisSource::test_duplicate_event_source_mappings",
        "TestDynamoDBEventSourceMapping::test_duplicate_event_source_mappings",
    ];

    /// <summary>Refusals only AWS can give: whether a queue or stream exists, and an Update (not a create).</summary>
    private static readonly (string Test, string Step, string Why)[] OnlineRefusals =
    [
        ("test_esm_with_not_existing_sqs_queue", "error", "whether the queue exists"),
        ("TestKinesisSource::test_esm_with_not_existing_kinesis_stream", "error", "whether the stream exists"),
        ("TestDynamoDBEventSourceMapping::test_esm_with_not_existing_dynamodb_stream", "error", "whether the stream exists"),
        ("TestSQSEventSourceMapping::test_event_source_mapping_default_batch_size", "invalid-update-event-source-mapping",
            "an UpdateEventSourceMapping of a live mapping, not a create (the same rule refuses the create below)"),
    ];

    public static TheoryData<string, string> Creates => Data(RecordedResponses.Steps.Where(s => s.IsCreate));

    public static TheoryData<string, string> Refusals => Data(RecordedResponses.Steps.Where(s => s.IsRefusal));

    private static TheoryData<string, string> Data(IEnumerable<RecordedStep> steps)
    {
        var data = new TheoryData<string, string>();
        foreach (var step in steps) data.Add(step.Test, step.Step);
        return data;
    }

    [Theory]
    [MemberData(nameof(Creates))]
    public void A_recorded_create_validates_and_plans_as_no_change(string test, string step)
    {
        var recorded = RecordedResponses.Step(test, step);
        var (_, template) = Requests.FirstOrDefault(r => r.Test == test || (r.Test.EndsWith('[') && test.StartsWith(r.Test, StringComparison.Ordinal)));
        Assert.True(template is not null, $"{recorded}: reconstruct the request this test sent and add it to {nameof(Requests)}");

        var live = RecordedResponses.ToLive(recorded.Content, mapping => FillAnonymised(recorded, mapping));
        var yaml = Manifest(Spec(template!, recorded, live));
        var set = ManifestLoader.Load([new ManifestFile("recorded.yaml", Encoding.UTF8.GetBytes(yaml))], new ManualTimeProvider(DateTimeOffset.UnixEpoch));
        Assert.True(set.Diagnostics.Count == 0, $"{recorded}: the manifest\n{yaml}\nshould validate, got:\n{string.Join("\n", set.Diagnostics)}");

        var desired = Assert.Single(set.Mappings);
        var tags = new Dictionary<string, string> { [ManagedTags.ManagedBy] = ManagedTags.DefaultOwner, [ManagedTags.Name] = desired.Name };
        var plan = Planner.Plan(set.Mappings, new LiveState([live], new Dictionary<string, IReadOnlyDictionary<string, string>> { [live.Uuid] = tags }), Options);

        var action = Assert.Single(plan.Actions);
        Assert.True(action.Kind == PlanActionKind.Noop && action.Changes.Count == 0 && action.Warnings.Count == 0,
            $"{recorded}: the manifest\n{yaml}\nplans {action.Kind} against the recorded response:\n"
            + string.Join("\n", action.Changes.Select(c => $"  {c.Field}: {c.Before?.ToJsonString() ?? "-"} -> {c.After?.ToJsonString() ?? "-"}"))
            + string.Join("\n", action.Warnings));
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_recorded_refusal_known_offline_is_refused_by_validation(string test, string step)
    {
        var recorded = RecordedResponses.Step(test, step);
        var awsMessage = (string)recorded.Content["Error"]!["Message"]!;
        if (OnlineRefusals.Any(o => o.Test == test && o.Step == step)) return; // only AWS can know, for the reason listed



        ManifestSet set;
        string expected;
        if (DuplicateRefusals.Contains(test))
        {
            var original = RecordedResponses.Steps.Single(s => s.Test == test && s.Step == "create");
            var live = RecordedResponses.ToLive(original.Content);
            var (_, template) = Requests.Single(r => r.Test == test);
            var spec = Spec(template, original, live);
            set = Load(("first.yaml", Manifest(spec, "first")), ("second.yaml", Manifest(spec, "second")));
            expected = "already connects this function to this source";
            Assert.Contains("already exists", awsMessage);
        }
        else
        {
            var refusal = OfflineRefusals.FirstOrDefault(r => r.Test == test && r.Step == step);
            Assert.True(refusal.Spec is not null, $"{recorded} ({awsMessage}): classify it — reconstruct its request in {nameof(OfflineRefusals)}, or say in {nameof(OnlineRefusals)} why only AWS can know");
            Assert.Contains(refusal.Message, awsMessage);
            set = Load(("refused.yaml", Manifest("functionName: resource-2\n" + refusal.Spec, "refused")));
            expected = refusal.Message;
        }

        Assert.True(set.HasErrors && set.Mappings.Count == 0, $"{recorded}: AWS refused it ({awsMessage}) but validation accepted it");
        Assert.Contains(set.Diagnostics, d => d.Severity == Severity.Error && d.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Self_managed_Kafka_without_startingPosition_plans_as_no_change_against_what_AWS_chose()
    {
        // Recorded 2024-09 (aws-recorded/README.md): AWS accepted a self-managed Kafka create without StartingPosition,
        // answered TRIM_HORIZON, and set the consumer group ID to the mapping's UUID. Neither is a difference.
        var set = Load(("kafka.yaml", Manifest("""
            functionName: worker
            selfManagedEventSource: {endpoints: {KAFKA_BOOTSTRAP_SERVERS: ['k1.example.com:9092']}}
            topics: [orders]
            sourceAccessConfigurations: [{type: SASL_SCRAM_512_AUTH, uri: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:k'}]
            """.Replace("\r", "", StringComparison.Ordinal), "kafka")));
        Assert.Empty(set.Diagnostics);
        const string Uuid = "6b1f0a52-0000-4000-8000-000000000001";
        var desired = Assert.Single(set.Mappings);
        var live = new LiveMapping
        {
            Uuid = Uuid,
            EventSourceMappingArn = $"arn:aws:lambda:us-east-1:111111111111:event-source-mapping:{Uuid}",
            FunctionArn = "arn:aws:lambda:us-east-1:111111111111:function:worker",
            State = MappingStates.Enabled,
            Configuration = desired.Spec with
            {
                FunctionName = "arn:aws:lambda:us-east-1:111111111111:function:worker",
                Enabled = true,
                Tags = null,
                StartingPosition = "TRIM_HORIZON",
                BatchSize = 100,
                SelfManagedKafkaEventSourceConfig = new KafkaEventSourceConfig(Uuid, null),
            },
        };
        var tags = new Dictionary<string, string> { [ManagedTags.ManagedBy] = ManagedTags.DefaultOwner, [ManagedTags.Name] = "kafka" };
        var plan = Planner.Plan(set.Mappings, new LiveState([live], new Dictionary<string, IReadOnlyDictionary<string, string>> { [Uuid] = tags }), Options);
        var action = Assert.Single(plan.Actions);
        Assert.True(action.Kind == PlanActionKind.Noop, string.Join("\n", action.Changes.Select(c => $"{c.Field}: {c.Before?.ToJsonString()} -> {c.After?.ToJsonString()}")));
    }

    [Theory]
    [InlineData("eventSourceArn: arn:aws:kafka:us-east-1:111111111111:cluster/c/1\ntopics: [orders]", "LATEST")]
    [InlineData("eventSourceArn: arn:aws:kafka:us-east-1:111111111111:cluster/c/1\ntopics: [orders]", "TRIM_HORIZON")]
    [InlineData("eventSourceArn: arn:aws:rds:us-east-1:111111111111:cluster:docs\ndocumentDBEventSourceConfig: {databaseName: db}", "LATEST")]
    public void An_omitted_optional_startingPosition_is_not_a_difference_whatever_AWS_chose(string source, string chosen)
    {
        // Optional for MSK and DocumentDB, where nothing recorded shows AWS's default: a plan must not replace the
        // mapping (startingPosition is create-only) because the manifest left it to AWS.
        var set = Load(("m.yaml", Manifest($"functionName: worker\n{source}", "m")));
        Assert.DoesNotContain(set.Diagnostics, d => d.Severity == Severity.Error);
        var desired = Assert.Single(set.Mappings);
        const string Uuid = "6b1f0a52-0000-4000-8000-000000000002";
        var functionArn = "arn:aws:lambda:us-east-1:111111111111:function:worker";
        var live = new LiveMapping
        {
            Uuid = Uuid,
            EventSourceMappingArn = $"arn:aws:lambda:us-east-1:111111111111:event-source-mapping:{Uuid}",
            FunctionArn = functionArn,
            State = MappingStates.Enabled,
            Configuration = desired.Spec with { FunctionName = functionArn, Enabled = true, Tags = null, StartingPosition = chosen },
        };
        var tags = new Dictionary<string, string> { [ManagedTags.ManagedBy] = ManagedTags.DefaultOwner, [ManagedTags.Name] = "m" };
        var plan = Planner.Plan(set.Mappings, new LiveState([live], new Dictionary<string, IReadOnlyDictionary<string, string>> { [Uuid] = tags }), Options);
        var action = Assert.Single(plan.Actions);
        Assert.True(action.Kind == PlanActionKind.Noop, string.Join("\n", action.Changes.Select(c => $"{c.Field}: {c.Before?.ToJsonString()} -> {c.After?.ToJsonString()}")));
    }

    [Fact]
    public void The_recordings_hold_creates_and_refusals_of_every_recorded_source()
    {
        // Guards the theories above against an empty or unreadable vendored copy.
        Assert.True(Creates.Count >= 60, $"only {Creates.Count} recorded creates found");
        Assert.Equal(["dynamodbstreams", "kinesis", "sqs"], RecordedResponses.Steps.Where(s => s.IsCreate).Select(s => s.File).Distinct().Order());
        Assert.True(Refusals.Count >= 14, $"only {Refusals.Count} recorded refusals found");
    }

    private static ManifestSet Load(params (string Path, string Yaml)[] files) =>
        ManifestLoader.Load([.. files.Select(f => new ManifestFile(f.Path, Encoding.UTF8.GetBytes(f.Yaml)))], new ManualTimeProvider(DateTimeOffset.UnixEpoch));

    /// <summary>The spec lines of the request: the template's, with its placeholders read from what the test sent.</summary>
    private static string Spec(string template, RecordedStep recorded, LiveMapping live)
    {
        var function = live.FunctionArn[(live.FunctionArn.LastIndexOf(':') + 1)..];
        var lines = new List<string>
        {
            template.Contains("{function-arn}", StringComparison.Ordinal) ? $"functionName: {live.FunctionArn}" : $"functionName: {function}",
            $"eventSourceArn: {live.Configuration.EventSourceArn}",
        };
        var pattern = live.Configuration.FilterCriteria?.Filters?.Single().Pattern;
        var body = template
            .Replace("{function-arn}\n", "", StringComparison.Ordinal)
            .Replace("{param}", recorded.Test[(recorded.Test.IndexOf('[') + 1)..^1], StringComparison.Ordinal)
            .Replace("{destination}", $"destinationConfig: {{onFailure: {{destination: '{live.Configuration.DestinationConfig?.OnFailure?.Destination}'}}}}", StringComparison.Ordinal)
            // As a YAML mapping (JSON is YAML's flow syntax) and as the JSON string json.dumps sent.
            .Replace("{filter-as-yaml}", $"filterCriteria: {{filters: [{{pattern: {pattern}}}]}}", StringComparison.Ordinal)
            .Replace("{filter-as-string}", $"filterCriteria: {{filters: [{{pattern: '{pattern?.Replace("'", "''", StringComparison.Ordinal)}'}}]}}", StringComparison.Ordinal);
        lines.AddRange(body.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        return string.Join("\n", lines);
    }

    private static string Manifest(string spec, string name = "recorded") =>
        $"""
        apiVersion: esmctl/v1
        kind: EventSourceMapping
        metadata:
          name: {name}
        spec:
          {string.Join("\n  ", spec.Split('\n'))}
        """;
}
