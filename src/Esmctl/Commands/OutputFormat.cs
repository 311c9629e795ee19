namespace Esmctl.Commands;

public enum OutputFormat
{
    Text,
    Markdown,
    Json,
}
