namespace Reconciler.Core.Fields;

/// <summary>Which names a JSON form of a mapping uses for its members.</summary>
public enum FieldNames
{
    /// <summary>The API model's (KMSKeyArn, SchemaRegistryURI): request and response bodies.</summary>
    Wire,
    /// <summary>The manifest's (kmsKeyArn, schemaRegistryURI): specs, exported manifests, saved plans.</summary>
    Manifest,
}
