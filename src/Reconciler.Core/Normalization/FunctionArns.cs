namespace Reconciler.Core.Normalization;

/// <summary>
/// The forms the API accepts for FunctionName (name, name:qualifier, partial ARN account:function:name[:qualifier],
/// full ARN) turned into the full FunctionArn that live state reports, qualifier kept, so the two compare as strings.
/// </summary>
public static class FunctionArns
{
    public static string Canonical(string functionName, string partition, string region, string account)
    {
        if (functionName.StartsWith("arn:", StringComparison.Ordinal)) return functionName;
        // account:function:name[:qualifier] (three parts or more, the second "function"), read without splitting.
        var colon = functionName.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && functionName.AsSpan(colon + 1).StartsWith("function:", StringComparison.Ordinal)
            ? $"arn:{partition}:lambda:{region}:{functionName}"
            : $"arn:{partition}:lambda:{region}:{account}:function:{functionName}";
    }

    /// <summary>The function's ARN without a version or alias qualifier (arn:p:lambda:r:a:function:name).</summary>
    public static string Unqualified(string functionArn)
    {
        if (!functionArn.StartsWith("arn:", StringComparison.Ordinal)) return functionArn;
        // The seventh colon ends arn:p:lambda:r:a:function:name; what follows it is the qualifier.
        var at = -1;
        for (var colons = 0; colons < 7; colons++)
        {
            at = functionArn.IndexOf(':', at + 1);
            if (at < 0) return functionArn;
        }
        return functionArn[..at];
    }
}
