namespace Reconciler.Core.Export;

/// <summary>One manifest written for one live mapping: its metadata.name, the file name and the YAML text.</summary>
public sealed record ExportedManifest(string Name, string FileName, string Uuid, string Yaml);
