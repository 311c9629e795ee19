using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Validation;

/// <summary>
/// Layer 2 for one manifest: the request rules (<see cref="RequestRules"/>) on the create request the manifest
/// describes, with esmctl's own tags as plan and apply add them, plus the rules only a manifest has (its metadata,
/// tag keys esmctl reserves, advice). Each finding is placed at the YAML node it concerns.
/// </summary>
internal static class SemanticRules
{
    /// <param name="rejected">The fields the schema or the reader rejected (<see cref="RejectedFields"/>): rules that
    /// read them are skipped, since they would judge a value that is not there.</param>
    public static void Check(DesiredMapping mapping, NodeLocator locator, TimeProvider clock, DiagnosticBag diagnostics, RejectedFields rejected)
    {
        // The owner is not known while loading; the default stands in for it (its value only matters for length,
        // which the request check at apply time sees with the real owner).
        var request = mapping.Spec with { Tags = Ownership.DesiredTags(mapping.Name ?? "", mapping.Spec.Tags, ManagedTags.DefaultOwner) };
        var context = new RuleContext(request, clock)
        {
            Region = rejected.Contains("metadata.region") ? null : mapping.Region,
            ElementRejected = rejected.ContainsElement,
        };
        RequestRules.Run(context, rejected.Contains);
        ManifestRules.Check(context, mapping, rejected);
        foreach (var finding in context.Findings) diagnostics.Add(Place(finding, locator));
    }

    private static Diagnostic Place(RuleFinding finding, NodeLocator locator)
    {
        var field = finding.Field.Length == 0 ? "spec" : "spec." + finding.Field;
        var message = finding.Message;
        SourceLocation location;
        if (finding.Within is { Path.Length: > 0 } inside && locator.Contains(field + inside.Path))
        {
            // A pattern written as YAML: the key inside it that is wrong.
            field += inside.Path;
            location = locator.Key(field);
        }
        else if (finding.Within is { } within && (within.HasPosition || within.Path.Length > 0))
        {
            // A pattern written as a string: the position inside it (a syntax error, or the key a grammar problem
            // concerns), and for a key its path in the message, since the field is the whole pattern.
            location = within.HasPosition ? locator.InValue(field, within.Line, within.Column) : locator.Value(field);
            message = finding.MessageWithPath;
        }
        else
        {
            location = finding.AtKey ? locator.Key(field) : locator.Value(field);
        }
        return new Diagnostic(finding.Severity, location, field, message);
    }
}
