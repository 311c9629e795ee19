namespace Reconciler.Emulator.ApiModel;

/// <summary>
/// One broken constraint, worded as the service's request validation words it:
/// <c>Value 'invalid' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum value set: [...]</c>.
/// </summary>
/// <param name="Value">The value as the service renders it: <c>null</c>, or the value in single quotes.</param>
/// <param name="Path">The member path: lower-camel member names joined by dots, list elements as <c>name.N.member</c>.</param>
internal sealed record ConstraintViolation(string Value, string Path, string Constraint)
{
    public string Text => $"Value {Value} at '{Path}' failed to satisfy constraint: {Constraint}";

    /// <summary>A required member that is missing.</summary>
    public static ConstraintViolation Null(string path) => new("null", path, "Member must not be null");

    /// <summary>"1 validation error detected: ...", "2 validation errors detected: ...; ...".</summary>
    public static string Summary(IReadOnlyCollection<ConstraintViolation> violations) =>
        $"{violations.Count} validation error{(violations.Count == 1 ? "" : "s")} detected: {string.Join("; ", violations.Select(v => v.Text))}";
}
