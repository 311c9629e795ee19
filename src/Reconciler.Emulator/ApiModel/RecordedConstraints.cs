namespace Reconciler.Emulator.ApiModel;

/// <summary>
/// Where the live service's validation text, as recorded, differs from this copy of the model, the recording wins
/// (docs/aws.md, "Where the recordings and the model disagree"). Keyed by shape name.
/// </summary>
internal static class RecordedConstraints
{
    /// <summary>The order the service lists an enum's values in its message (the model lists them in another order).
    /// Recorded: test_create_event_source_validation[_kinesis], invalid_starting_position.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> EnumOrder = new Dictionary<string, IReadOnlyList<string>>
    {
        ["EventSourcePosition"] = ["LATEST", "AT_TIMESTAMP", "TRIM_HORIZON"],
    };

    /// <summary>The pattern the service checks and quotes. Recorded (2025-11): test_tag_exceptions[event_source_mapping],
    /// aliased_arn_exception and invalid_arn_exception. The model of 2026-07 has network-connector instead of layer.</summary>
    public static readonly IReadOnlyDictionary<string, string> Patterns = new Dictionary<string, string>
    {
        ["TaggableResource"] =
            @"arn:(aws[a-zA-Z-]*):lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:\d{12}:(function:[a-zA-Z0-9-_]+(:(\$LATEST|[a-zA-Z0-9-_]+))?|layer:([a-zA-Z0-9-_]+)|code-signing-config:csc-[a-z0-9]{17}|event-source-mapping:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|capacity-provider:[a-zA-Z0-9-_]+)",
    };
}
