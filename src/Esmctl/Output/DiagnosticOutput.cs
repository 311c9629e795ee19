using Reconciler.Core.Diagnostics;

namespace Esmctl.Output;

/// <summary>Diagnostics as compilers print them (file:line:col: error: field: message), one per line.</summary>
public static class DiagnosticOutput
{
    public static void Write(TextWriter writer, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics) writer.WriteLine(diagnostic.ToString());
    }
}
