namespace Esmctl.Targets;

/// <summary>What --target names: <c>local</c> (the embedded emulator, state in .esmctl/local-state.json),
/// <c>local:PATH</c> (the same, state in PATH) or <c>aws</c> (the Lambda API, or --endpoint-url).</summary>
public sealed record TargetSpec(TargetKind Kind, string? StatePath)
{
    public const string LocalDefaultStatePath = ".esmctl/local-state.json";

    public static bool TryParse(string text, out TargetSpec spec, out string error)
    {
        error = "";
        spec = new TargetSpec(TargetKind.Local, LocalDefaultStatePath);
        switch (text)
        {
            case "local":
                return true;
            case "aws":
                spec = new TargetSpec(TargetKind.Aws, null);
                return true;
        }
        if (text.StartsWith("local:", StringComparison.Ordinal) && text.Length > "local:".Length)
        {
            spec = new TargetSpec(TargetKind.Local, text["local:".Length..]);
            return true;
        }
        var suggestion = Reconciler.Core.Validation.FieldSuggestions.Closest(text, ["local", "aws"]);
        error = $"unknown target '{text}': use local, local:PATH or aws" + (suggestion is null ? "" : $". Did you mean '{suggestion}'?");
        return false;
    }

    public override string ToString() => Kind == TargetKind.Aws ? "aws" : $"local:{StatePath}";
}
