namespace Reconciler.Core.Manifests;

/// <summary>One manifest file as read from disk: the path as the user will see it in diagnostics, and its bytes.</summary>
public sealed record ManifestFile(string Path, byte[] Content);
