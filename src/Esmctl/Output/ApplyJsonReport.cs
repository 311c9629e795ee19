using Reconciler.Core.Api;
using Reconciler.Core.Applying;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Rendering.Json;

namespace Esmctl.Output;

/// <summary>
/// What an apply did, collected per target for `apply --output json` while the run goes its usual way (its text then
/// goes nowhere; progress stays on standard error). <see cref="Render"/> writes the versioned document once, whatever
/// the exit: the result and reason come from the targets, the exit code and the last error the run reported.
/// Thread-safe: the targets of a multi-target apply finish concurrently.
/// </summary>
public sealed class ApplyJsonReport
{
    private readonly object _gate = new();
    private readonly List<ApplyTargetDocument> _targets = [];
    private IReadOnlyList<Diagnostic> _diagnostics = [];
    private bool _rejected;

    /// <summary>The manifests' errors stopped the run before any target was planned.</summary>
    public void Rejected(IReadOnlyList<Diagnostic> diagnostics)
    {
        lock (_gate)
        {
            _rejected = true;
            _diagnostics = diagnostics;
        }
    }

    /// <summary>The manifests' warnings (or errors of one target's share).</summary>
    public void Diagnostics(IReadOnlyList<Diagnostic> diagnostics)
    {
        lock (_gate) _diagnostics = [.. _diagnostics, .. diagnostics.Except(_diagnostics)];
    }

    public void Target(
        string? name, SessionScope? scope, Plan? plan, ApplyReport? report, RetryCounts client, string? result = null, string? reason = null)
    {
        var entry = JsonApplyRenderer.Target(name, scope, plan, report, client, result, reason);
        lock (_gate) _targets.Add(entry);
    }

    public string Render(int exitCode, string? lastError, bool signalled)
    {
        lock (_gate)
        {
            var results = _targets.Select(t => t.Result).ToList();
            var result =
                _rejected ? "rejected"
                : signalled ? (results.Contains("interrupted") ? "interrupted" : "cancelled")
                : exitCode == 0 ? (results.All(r => r == "no-changes") ? "no-changes" : "applied")
                : results.Contains("refused") ? "refused"
                : results.Contains("applied-with-failures") ? "applied-with-failures"
                : results.Contains("cancelled") ? "cancelled"
                : "failed";
            var reason = lastError
                ?? _targets.Select(t => t.Reason).FirstOrDefault(r => r is not null)
                ?? (_rejected ? "the manifests have errors; nothing was read or changed" : null);
            return JsonApplyRenderer.Serialize(new ApplyDocument
            {
                Result = result,
                ExitCode = exitCode,
                Reason = reason,
                Diagnostics = _diagnostics.Select(DiagnosticDocument.Of).ToList(),
                Targets = [.. _targets.OrderBy(t => t.Name, StringComparer.Ordinal)],
            });
        }
    }
}

/// <summary>Standard error as it is (each write passed on whole), remembering the last "error: …" line, for the JSON
/// report's reason.</summary>
public sealed class LastErrorWriter(TextWriter inner) : TextWriter
{
    private readonly System.Text.StringBuilder _line = new();

    public string? Last { get; private set; }

    public override System.Text.Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        inner.Write(value);
        Scan(value.ToString());
    }

    public override void Write(string? value)
    {
        inner.Write(value);
        Scan(value);
    }

    public override void WriteLine(string? value)
    {
        inner.WriteLine(value);
        Scan(value + "\n");
    }

    public override void Flush() => inner.Flush();

    private void Scan(string? text)
    {
        if (text is null) return;
        lock (_line)
        {
            foreach (var c in text)
            {
                if (c == '\n')
                {
                    var line = _line.ToString();
                    if (line.StartsWith("error: ", StringComparison.Ordinal)) Last = line["error: ".Length..];
                    _line.Clear();
                }
                else if (c != '\r')
                {
                    _line.Append(c);
                }
            }
        }
    }
}
