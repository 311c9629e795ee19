using System.Text.RegularExpressions;
using Reconciler.Core.Model;
using Reconciler.Emulator.ApiModel;

namespace Reconciler.Emulator.ControlPlane.Behaviour;

/// <summary>
/// Which kinds of source accept a member, as the model's documentation opens: "(Kinesis and DynamoDB Streams only)",
/// "(Amazon SQS, Amazon MSK, and self-managed Apache Kafka only)", "(MQ)". Read for every member at every depth of
/// CreateEventSourceMappingRequest; a phrase this reader does not know fails loudly, so a model update that names a
/// new source is noticed rather than silently accepted.
/// </summary>
internal static partial class MemberApplicability
{
    private static readonly IReadOnlyDictionary<string, SourceKind> Phrases = new Dictionary<string, SourceKind>(StringComparer.Ordinal)
    {
        ["Kinesis"] = SourceKind.Kinesis,
        ["Amazon Kinesis"] = SourceKind.Kinesis,
        ["DynamoDB Streams"] = SourceKind.DynamoDbStreams,
        ["Amazon DynamoDB Streams"] = SourceKind.DynamoDbStreams,
        ["Amazon MSK"] = SourceKind.Msk,
        ["self-managed Apache Kafka"] = SourceKind.SelfManagedKafka,
        ["Self-managed Apache Kafka"] = SourceKind.SelfManagedKafka,
        ["Amazon SQS"] = SourceKind.Sqs,
        ["MQ"] = SourceKind.AmazonMq,
        ["Amazon MQ"] = SourceKind.AmazonMq,
        ["DocumentDB"] = SourceKind.DocumentDb,
        ["Amazon DocumentDB"] = SourceKind.DocumentDb,
    };

    /// <summary>Member path (wire names joined by dots) → the kinds that accept it, for every member whose
    /// documentation says so.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<SourceKind>> Read(LambdaModel model, ModelShape request)
    {
        var result = new Dictionary<string, IReadOnlySet<SourceKind>>(StringComparer.Ordinal);
        Walk(model, request, "", result, new HashSet<string>(StringComparer.Ordinal));
        return result;
    }

    /// <summary>The kinds a documentation string names in its opening parenthesis, or null if it has none.</summary>
    public static IReadOnlySet<SourceKind>? Parse(string documentation)
    {
        var text = Tags().Replace(documentation, "").TrimStart();
        var match = Opening().Match(text);
        if (!match.Success) return null;
        var kinds = new HashSet<SourceKind>();
        foreach (var part in Separators().Split(match.Groups["list"].Value))
        {
            var phrase = part.Trim();
            if (phrase.EndsWith(" only", StringComparison.Ordinal)) phrase = phrase[..^" only".Length].TrimEnd();
            if (phrase.StartsWith("and ", StringComparison.Ordinal)) phrase = phrase["and ".Length..];
            if (phrase.Length == 0) continue;
            if (!Phrases.TryGetValue(phrase, out var kind))
                throw new InvalidOperationException($"The model's documentation names a source this emulator does not know: '{phrase}' in '({match.Groups["list"].Value})'.");
            kinds.Add(kind);
        }
        return kinds;
    }

    private static void Walk(LambdaModel model, ModelShape shape, string prefix, Dictionary<string, IReadOnlySet<SourceKind>> result, HashSet<string> visiting)
    {
        if (!visiting.Add(shape.Name)) return;
        foreach (var member in shape.Members)
        {
            var path = prefix + member.Name;
            if (Parse(member.Documentation) is { } kinds) result[path] = kinds;
            var inner = model.ShapeOf(member);
            if (inner.IsList && inner.ListMember is { } element) inner = model.Shape(element);
            if (inner.IsStructure) Walk(model, inner, path + ".", result, visiting);
        }
        visiting.Remove(shape.Name);
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"^\((?<list>[^)]*)\)")]
    private static partial Regex Opening();

    [GeneratedRegex(@",|\band\b(?=\s)")]
    private static partial Regex Separators();
}
