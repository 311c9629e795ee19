namespace Reconciler.Core.Manifests;

/// <summary>What a YAML scalar is once typed by the YAML 1.2 core schema (<see cref="ScalarTyping"/>): the JSON type the
/// schema sees.</summary>
internal enum ScalarKind
{
    Null,
    Boolean,
    Integer,
    /// <summary>A whole number beyond 64 bits: a number to the schema (the double nearest to it), its digits as written
    /// when sent as JSON.</summary>
    WholeNumber,
    Float,
    String,
}
