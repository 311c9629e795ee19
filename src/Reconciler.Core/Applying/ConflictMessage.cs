using System.Text.RegularExpressions;

namespace Reconciler.Core.Applying;

/// <summary>
/// Reads the existing mapping's UUID out of a create's ResourceConflictException. Every recorded wording ends with
/// "Please update or delete the existing mapping with UUID &lt;uuid&gt;"; what comes before differs per source:
/// <list type="bullet">
/// <item>SQS (recorded): <c>An event source mapping with SQS arn (" arn ") and function (" name ") already exists.</c></item>
/// <item>Kinesis, DynamoDB Streams (recorded), and MSK as users report it: <c>The event source arn (" arn ") and
/// function (" name ") provided mapping already exists.</c></item>
/// <item>MSK (reported): <c>An event source mapping with event source arn ("arn"), function ("arn") and topics ("t")
/// already exists.</c></item>
/// <item>Self-managed Kafka, overlapping brokers and the same topic (recorded, test_lambda_api): <c>An event source
/// mapping with event source ("kafka:1000,kafka:2000"), function ("arn"), topics ("topic") already exists.</c></item>
/// </list>
/// The message also quotes the event source ARN, and an MSK cluster ARN ends in a UUID of its own
/// (cluster/name/6f3a2b1c-...-2), so the UUID that follows the word UUID wins, and otherwise only one standing alone
/// (not inside an ARN) is taken. Null when the message names none (one report shows the UUID missing): the applier
/// then lists the function's mappings of that source.
/// </summary>
internal static partial class ConflictMessage
{
    private const string Uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    [GeneratedRegex(@"\bUUID:?\s+(" + Uuid + @")(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedUuidPattern();

    [GeneratedRegex(@"(?<![\w/:.-])" + Uuid + @"(?![\w/:-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StandaloneUuidPattern();

    public static string? FindUuid(string message)
    {
        var named = NamedUuidPattern().Match(message);
        if (named.Success) return named.Groups[1].Value;
        var standalone = StandaloneUuidPattern().Matches(message);
        return standalone.Count > 0 ? standalone[^1].Value : null;
    }
}
