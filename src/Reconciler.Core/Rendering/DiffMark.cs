namespace Reconciler.Core.Rendering;

/// <summary>The sign in front of a plan line, Terraform style.</summary>
internal enum DiffMark
{
    /// <summary>Context: no sign.</summary>
    None,
    /// <summary>"#": a header comment.</summary>
    Comment,
    /// <summary>"+"</summary>
    Create,
    /// <summary>"~"</summary>
    Update,
    /// <summary>"-/+"</summary>
    Replace,
    /// <summary>"-"</summary>
    Delete,
    /// <summary>"!": something a reviewer must read.</summary>
    Warning,
}
