namespace Reconciler.Core.Fields;

/// <summary>How a member of the API model holds its value.</summary>
public enum FieldKind
{
    /// <summary>One value (<see cref="ScalarType"/> says which).</summary>
    Scalar,
    /// <summary>A list whose order does not matter: compared sorted, without duplicates.</summary>
    Set,
    /// <summary>A list whose order matters.</summary>
    List,
    /// <summary>String keys to values of one kind; compared key by key.</summary>
    Map,
    /// <summary>Named members, each a field of its own.</summary>
    Structure,
}
