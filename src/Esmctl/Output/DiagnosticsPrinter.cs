using System.Text.Encodings.Web;
using System.Text.Json;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Rendering;
using Reconciler.Core.Rendering.Json;

namespace Esmctl.Output;

/// <summary>Renders a loaded <see cref="ManifestSet"/>'s verdict as text (file:line:col: error: field: message) or JSON.</summary>
public static class DiagnosticsPrinter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Text(ManifestSet set, TextWriter output, bool annotate = false)
    {
        Lines(set.Diagnostics, output, annotate);
        if (!set.HasErrors)
        {
            var skipped = set.SkippedDocuments == 0 ? ""
                : $" ({set.SkippedDocuments} document{(set.SkippedDocuments == 1 ? "" : "s")} of other tools skipped)";
            output.WriteLine($"valid: {set.Mappings.Count} mapping{(set.Mappings.Count == 1 ? "" : "s")} in {set.Files.Count} file{(set.Files.Count == 1 ? "" : "s")}{skipped}");
        }
        else
        {
            var errors = set.Diagnostics.Count(d => d.Severity == Severity.Error);
            var where = set.Files.Count == 0 ? " (no manifest file was read)" : $" in {set.Files.Count} file{(set.Files.Count == 1 ? "" : "s")}";
            output.WriteLine($"invalid: {errors} error{(errors == 1 ? "" : "s")}{where}");
        }
    }

    /// <summary>One line per diagnostic, as compilers print them; in GitHub Actions (<paramref name="annotate"/>) as a
    /// workflow command, which the log shows as the same line and the pull request as an annotation on the file.</summary>
    public static void Lines(IEnumerable<Diagnostic> diagnostics, TextWriter output, bool annotate = false)
    {
        foreach (var diagnostic in diagnostics) output.WriteLine(annotate ? GitHubAnnotations.Of(diagnostic) : diagnostic.ToString());
    }

    public static void JsonReport(ManifestSet set, TextWriter output)
    {
        var report = new ValidationReportJson(
            "1",
            !set.HasErrors,
            set.Mappings.Count,
            set.Files.Count,
            [.. set.Diagnostics.Select(DiagnosticDocument.Of)]);
        output.WriteLine(JsonSerializer.Serialize(report, Json));
    }
}
