namespace Esmctl.Commands;

public enum OutputFormat
{
    Text,
    Markdown,
    Json,
    /// <summary>The text plan, with GitHub Actions annotations (::error file=…,line=…::) for the manifests' problems.</summary>
    Github,
}
