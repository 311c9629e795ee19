namespace Reconciler.Core.Manifests;

/// <summary>
/// What a path finally names. A symbolic link's own length is that of the path it holds, so a link to a FIFO (which
/// blocks an open until a writer comes) or to /dev/zero (which never ends) would pass for a small regular file: every
/// input esmctl measures before it opens it (manifests, saved plans, esmctl.yaml) measures the file the link names.
/// </summary>
public static class FileLinks
{
    /// <summary>The file a symbolic link finally names; the file itself when it is no link, or when the link dangles (the
    /// open that follows then fails as for a missing file).</summary>
    public static FileInfo Final(FileInfo info) =>
        info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo { Exists: true } target ? target : info;
}
