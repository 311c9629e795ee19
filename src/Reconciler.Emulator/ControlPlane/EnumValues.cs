namespace Reconciler.Emulator.ControlPlane;

/// <summary>The enums of the model the control plane checks values against (exact spelling, as the API does).</summary>
internal static class EnumValues
{
    public static readonly IReadOnlySet<string> StartingPositions = new HashSet<string> { "TRIM_HORIZON", "LATEST", "AT_TIMESTAMP" };
    public static readonly IReadOnlySet<string> FunctionResponseTypes = new HashSet<string> { "ReportBatchItemFailures" };
    public static readonly IReadOnlySet<string> Metrics = new HashSet<string> { "EventCount", "ErrorCount", "KafkaMetrics" };
    public static readonly IReadOnlySet<string> KafkaOnlyMetrics = new HashSet<string> { "ErrorCount", "KafkaMetrics" };
    public static readonly IReadOnlySet<string> SystemLogLevels = new HashSet<string> { "DEBUG", "INFO", "WARN" };
    public static readonly IReadOnlySet<string> SourceAccessTypes = new HashSet<string>
    {
        "BASIC_AUTH", "VPC_SUBNET", "VPC_SECURITY_GROUP", "SASL_SCRAM_512_AUTH", "SASL_SCRAM_256_AUTH", "VIRTUAL_HOST",
        "CLIENT_CERTIFICATE_TLS_AUTH", "SERVER_ROOT_CA_CERTIFICATE",
    };
    public static readonly IReadOnlySet<string> SchemaRegistryAccessTypes = new HashSet<string>
    {
        "BASIC_AUTH", "CLIENT_CERTIFICATE_TLS_AUTH", "SERVER_ROOT_CA_CERTIFICATE",
    };
    public static readonly IReadOnlySet<string> EventRecordFormats = new HashSet<string> { "JSON", "SOURCE" };
    public static readonly IReadOnlySet<string> SchemaValidationAttributes = new HashSet<string> { "KEY", "VALUE" };
    public static readonly IReadOnlySet<string> FullDocuments = new HashSet<string> { "UpdateLookup", "Default" };
    public static readonly IReadOnlySet<string> EndpointKeys = new HashSet<string> { "KAFKA_BOOTSTRAP_SERVERS" };

    public const string VirtualHost = "VIRTUAL_HOST";
}
