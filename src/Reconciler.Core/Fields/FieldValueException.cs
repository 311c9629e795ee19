namespace Reconciler.Core.Fields;

/// <summary>A JSON form of a mapping that does not fit the field table: an unknown member or a value of the wrong
/// type, at <see cref="Path"/> (a manifest path such as scalingConfig.maximumConcurrency).</summary>
public sealed class FieldValueException(string path, string message) : Exception($"{path}: {message}")
{
    public string Path { get; } = path;
}
