using System.Text;
using Reconciler.Core.Model;

namespace Reconciler.Core.Export;

/// <summary>
/// Stable manifest names for live mappings: "SOURCE-to-FUNCTION" (orders-to-order-processor), as a DNS label
/// (lowercase [a-z0-9-], at most 63 characters). A mapping already tagged esmctl:name keeps that name when it is
/// such a label; any other tag value (written by hand or by another tool: "../x", "/etc/cron.d/x", "Orders Queue") is
/// made one the same way, since the name becomes a file name and must never leave the export directory. When two
/// mappings would get the same name, every one of them gets a suffix from its UUID, so a name never depends on
/// which of them was listed first; so does a name whose file is reserved (esmctl.yaml).
/// </summary>
public static class ExportNames
{
    public const int MaxLength = 63;
    private const int SuffixLength = 8;

    /// <summary>Names whose file means something else in a manifest folder: esmctl.yaml lists the targets, so a mapping
    /// tagged esmctl:name "esmctl" (or "ESMCTL") exported as esmctl.yaml would turn the folder into a multi-target one
    /// (and the manifest would be read as a broken targets file). Such a name gets its UUID suffix, as a collision does.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "esmctl" };

    public static IReadOnlyDictionary<string, string> Assign(IReadOnlyList<LiveMapping> mappings, Func<LiveMapping, string?> taggedName)
    {
        var bases = mappings.ToDictionary(m => m.Uuid, m => taggedName(m) is { Length: > 0 } tagged ? Label(tagged) : Derive(m), StringComparer.Ordinal);
        var counts = bases.Values.CountBy(n => n).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return bases.ToDictionary(
            p => p.Key,
            p => counts[p.Value] == 1 && !Reserved.Contains(p.Value) ? p.Value : WithSuffix(p.Value, p.Key),
            StringComparer.Ordinal);
    }

    public static string Derive(LiveMapping mapping) =>
        Label($"{SourceName(mapping.Configuration)}-to-{FunctionName(mapping.FunctionArn)}");

    /// <summary>The part of the source a person calls it by: the queue, stream, table, cluster, broker or topic.</summary>
    public static string SourceName(MappingConfiguration configuration)
    {
        var kind = EventSource.KindOf(configuration);
        if (EventSource.IsKafka(kind) && configuration.Topics is [var topic, ..]) return topic;
        if (kind == SourceKind.AmazonMq && configuration.Queues is [var queue, ..]) return queue;
        var arn = configuration.EventSourceArn;
        if (string.IsNullOrEmpty(arn)) return "source";
        var parts = arn.Split(':');
        if (parts.Length < 6) return arn;
        var resource = string.Join(':', parts[5..]);
        var pieces = resource.Split('/', ':');
        return kind switch
        {
            // table/NAME/stream/LABEL, stream/NAME, cluster/NAME/UUID, broker:NAME:ID, cluster:NAME
            SourceKind.DynamoDbStreams or SourceKind.Kinesis or SourceKind.Msk or SourceKind.AmazonMq or SourceKind.DocumentDb
                when pieces.Length > 1 => pieces[1],
            _ => pieces[^1],
        };
    }

    /// <summary>The function's name and, if any, its qualifier (name-alias).</summary>
    public static string FunctionName(string functionArn)
    {
        var parts = functionArn.Split(':');
        return parts.Length >= 7 && parts[0] == "arn"
            ? string.Join('-', parts[6..])
            : functionArn;
    }

    /// <summary>Lowercase, every run of other characters one '-', no '-' at either end, at most 63 characters.</summary>
    public static string Label(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            var ok = c is >= 'a' and <= 'z' or >= '0' and <= '9';
            if (ok) builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        var label = builder.ToString().Trim('-');
        if (label.Length > MaxLength) label = label[..MaxLength].TrimEnd('-');
        return label.Length == 0 ? "mapping" : label;
    }

    private static string WithSuffix(string name, string uuid)
    {
        var suffix = Label(uuid.Replace("-", "", StringComparison.Ordinal));
        suffix = suffix[..Math.Min(SuffixLength, suffix.Length)];
        var room = MaxLength - suffix.Length - 1;
        var stem = name.Length > room ? name[..room].TrimEnd('-') : name;
        return $"{stem}-{suffix}";
    }
}
