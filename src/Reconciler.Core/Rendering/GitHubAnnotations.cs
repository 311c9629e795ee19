using System.Text;
using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Rendering;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…,col=…::message</c>): a diagnostic becomes an annotation on
/// its file and line in the pull request. Escaped as the runner reads them (actions/toolkit's command.ts): in the message
/// %, \r and \n; in a property value also ':' and ','. So a message or a file name can never end the command early or
/// start another one.
/// </summary>
public static class GitHubAnnotations
{
    /// <summary>"::error file=manifests/a.yaml,line=8,col=3,title=spec.batchSize::manifests/a.yaml:8:3: spec.batchSize: …"</summary>
    public static string Of(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var kind = diagnostic.Severity == Severity.Error ? "error" : "warning";
        var properties = new List<(string, string)> { ("file", diagnostic.Location.File) };
        if (!diagnostic.Location.IsWholePath)
        {
            // A path that does not exist has no line: the annotation is on the file (GitHub takes file without line).
            properties.Add(("line", diagnostic.Location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            properties.Add(("col", diagnostic.Location.Column.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (diagnostic.Field.Length > 0) properties.Add(("title", diagnostic.Field));
        // The message keeps the place too: the log line shows only the message.
        return Command(kind, properties, diagnostic.ToString().Replace($": {kind}: ", ": ", StringComparison.Ordinal));
    }

    /// <summary>The plan's verdict as a notice (a warning when live state does not match), and a warning per conflict, so a
    /// run's summary page says what the plan found without opening the log.</summary>
    public static IEnumerable<string> Of(Planning.Plan plan, Reconciling.SessionScope? scope)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var title = scope is null ? "esmctl plan" : $"esmctl plan: {ScopeText.Place(scope.Target)}, account {scope.Target.Account}, {scope.Target.Region}";
        var unresolved = PlanSentences.Unresolved(plan);
        var verdict = plan.HasChanges
            ? PlanSentences.Summary(plan.Summary) + (unresolved is null ? "" : " " + PlanSentences.AlsoUnresolved(unresolved))
            : unresolved is null ? PlanSentences.NoChanges : PlanSentences.NothingToApply(unresolved);
        yield return Command(plan.HasPendingChanges ? "warning" : "notice", [("title", title)], verdict);
        foreach (var conflict in plan.Conflicts)
        {
            yield return Command("warning", [("title", $"esmctl: {conflict.Name} conflicts with owner {conflict.Owner}")],
                $"{conflict.Name}: mapping {conflict.Uuid} with this function and source is managed by '{conflict.Owner}'; it is left alone and no duplicate is created");
        }
    }

    /// <summary>A workflow command with properties and a message, escaped.</summary>
    public static string Command(string name, IReadOnlyList<(string Key, string Value)> properties, string message)
    {
        var text = new StringBuilder("::").Append(name);
        for (var i = 0; i < properties.Count; i++)
        {
            text.Append(i == 0 ? ' ' : ',').Append(properties[i].Key).Append('=').Append(EscapeProperty(properties[i].Value));
        }

        return text.Append("::").Append(EscapeData(message)).ToString();
    }

    public static string EscapeData(string text) => text
        .Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string text) => EscapeData(text)
        .Replace(":", "%3A", StringComparison.Ordinal)
        .Replace(",", "%2C", StringComparison.Ordinal);
}
