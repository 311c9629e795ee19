namespace Reconciler.Core.Manifests;

/// <summary>What a YAML scalar is once typed by the YAML 1.2 core schema (<see cref="ScalarTyping"/>): the JSON type the
/// schema sees.</summary>
internal enum ScalarKind
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
}
