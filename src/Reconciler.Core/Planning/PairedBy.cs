namespace Reconciler.Core.Planning;

/// <summary>How a manifest found its live mapping.</summary>
public enum PairedBy
{
    /// <summary>No live mapping: the manifest's mapping is to be created.</summary>
    None,
    /// <summary>Same function ARN, source, topic and queue.</summary>
    NaturalKey,
    /// <summary>Owned by this instance and tagged esmctl:name = metadata.name, but with another function or source.</summary>
    Name,
}
