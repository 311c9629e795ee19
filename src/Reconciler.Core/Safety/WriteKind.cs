namespace Reconciler.Core.Safety;

/// <summary>The mutating calls on an existing mapping that <see cref="WriteGate"/> decides.</summary>
public enum WriteKind
{
    /// <summary>UpdateEventSourceMapping on a mapping this owner manages.</summary>
    Update,
    /// <summary>TagResource on a mapping this owner manages.</summary>
    Tag,
    /// <summary>UntagResource on a mapping this owner manages.</summary>
    Untag,
    /// <summary>DeleteEventSourceMapping of an orphan (needs prune).</summary>
    Delete,
    /// <summary>DeleteEventSourceMapping as the first half of a replacement.</summary>
    ReplaceDelete,
    /// <summary>The tag and update calls that take over a mapping no esmctl instance manages.</summary>
    Adopt,
}
