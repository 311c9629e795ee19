using Newtonsoft.Json.Linq;
using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Manifests;

/// <summary>One YAML document of a manifest file, as a JSON tree for schema validation plus the map from each
/// field path back to where it was written.</summary>
internal sealed record ManifestDocument(SourceLocation Location, JObject Json, NodeLocator Locator);
