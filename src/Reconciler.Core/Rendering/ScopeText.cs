using Reconciler.Core.Reconciling;

namespace Reconciler.Core.Rendering;

/// <summary>
/// The one line at the top of every plan, apply and daemon output that says where and as whom a run acts: the target's
/// kind and location (the local state file, or the Lambda endpoint), account, region, owner and prune. The same words
/// in text, in the Markdown header and in the confirmation prompt.
/// </summary>
public static class ScopeText
{
    /// <summary>"Target: local (.esmctl/local-state.json), account 123456789012, region us-east-1, owner esmctl, prune off".</summary>
    public static string Line(SessionScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return $"{Title(scope)}: {Place(scope.Target)}, account {scope.Target.Account}, region {scope.Target.Region}, " +
               $"owner {scope.Owner}, prune {OnOff(scope.Prune)}";
    }

    /// <summary>"local (.esmctl/local-state.json)" or "aws (https://lambda.us-east-1.amazonaws.com/)".</summary>
    public static string Place(TargetIdentity target) => $"{target.Kind} ({target.Location})";

    /// <summary>The Markdown header of a report: the same facts, and the commit the manifests were read at when known.</summary>
    public static string Markdown(SessionScope scope, string? commit)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var target = scope.Target;
        var header = $"**{MarkdownText.Inline(Title(scope))}:** {MarkdownText.Inline(target.Kind)} ({MarkdownText.Code(target.Location, false)}) · " +
                     $"**account** {MarkdownText.Code(target.Account, false)} · **region** {MarkdownText.Code(target.Region, false)} · " +
                     $"**owner** {MarkdownText.Code(scope.Owner, false)} · **prune** {OnOff(scope.Prune)}";
        return commit is null ? header + "\n" : header + $" · **commit** {MarkdownText.Code(commit, false)}\n";
    }

    public static string OnOff(bool value) => value ? "on" : "off";

    private static string Title(SessionScope scope) => scope.TargetName is null ? "Target" : $"Target {scope.TargetName}";
}
