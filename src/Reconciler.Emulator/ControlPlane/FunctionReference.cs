using System.Text.RegularExpressions;

namespace Reconciler.Emulator.ControlPlane;

/// <summary>
/// A FunctionName as the API accepts it (name, partial ARN <c>123456789012:function:name</c> or full ARN, each with
/// an optional <c>:qualifier</c>), resolved to the FunctionArn the service reports.
/// Belongs in Reconciler.Core (normalisation needs the same rule); kept here until the lead moves it.
/// </summary>
public sealed partial record FunctionReference(string? Partition, string? Region, string? AccountId, string Name, string? Qualifier)
{
    /// <summary>The function ARN, qualifier kept, with the caller's defaults for the parts the name leaves out.</summary>
    public string ToArn(string defaultPartition, string defaultRegion, string defaultAccountId, bool withQualifier = true) =>
        $"arn:{Partition ?? defaultPartition}:lambda:{Region ?? defaultRegion}:{AccountId ?? defaultAccountId}:function:{Name}"
        + (Qualifier is null || !withQualifier ? "" : ":" + Qualifier);

    public static FunctionReference? TryParse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 256) return null;
        var match = FullArn().Match(text);
        if (!match.Success) match = PartialArn().Match(text);
        if (!match.Success) match = PlainName().Match(text);
        if (!match.Success) return null;
        return new FunctionReference(
            GroupOrNull(match, "partition"),
            GroupOrNull(match, "region"),
            GroupOrNull(match, "account"),
            match.Groups["name"].Value,
            GroupOrNull(match, "qualifier"));
    }

    private static string? GroupOrNull(Match match, string name) =>
        match.Groups[name] is { Success: true, Value.Length: > 0 } group ? group.Value : null;

    // Function names are at most 64 characters ("If you specify only the function name, it's limited to 64
    // characters"); qualifiers are a version, an alias, $LATEST or $LATEST.PUBLISHED.
    private const string NameAndQualifier = @"(?<name>[a-zA-Z0-9-_]{1,64})(:(?<qualifier>\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_]{1,128}))?";

    [GeneratedRegex(@"^arn:(?<partition>aws[a-zA-Z-]*):lambda:(?<region>(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}):(?<account>\d{12}):function:" + NameAndQualifier + "$")]
    private static partial Regex FullArn();

    [GeneratedRegex(@"^(?<account>\d{12}):function:" + NameAndQualifier + "$")]
    private static partial Regex PartialArn();

    [GeneratedRegex("^" + NameAndQualifier + "$")]
    private static partial Regex PlainName();
}
