using Reconciler.Core.Diagnostics;
using Reconciler.Core.Fields;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;
using Reconciler.Core.Validation;
using Reconciler.Testing;

namespace Reconciler.Core.Tests.Fields;

/// <summary>The table's "which source kinds accept it" and the validator's rules say the same: a member is refused
/// exactly for the kinds the table says do not take it, so the diff (which does not compare what a kind does not
/// take) and validation cannot disagree.</summary>
public sealed class AcceptedByTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (kind, _) in FullMappings.PerKind)
            foreach (var field in MappingFields.Table.Configuration.Where(f => f.Comparison == FieldComparison.Value))
                data.Add(kind, field.Path);
        return data;
    }

    /// <summary>Not taken by a kind: giving it (a value another kind's mapping uses) is an error at that member.
    /// Taken: the kind's own full mapping, which gives it, passes.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void A_member_is_refused_exactly_for_the_kinds_that_do_not_take_it(string kind, string path)
    {
        var field = MappingFields.Table.At(path)!;
        var baseline = FullMappings.PerKind.Single(p => p.Name == kind).Configuration;
        var sourceKind = EventSource.KindOf(baseline);
        var spec = MappingJson.Write(baseline);
        if (field.Accepts(sourceKind))
        {
            if (spec[field.WireName] is null) return; // nothing to show: this kind's full mapping does not use it
        }
        else
        {
            // It would make the mapping another kind of source rather than a wrong setting of this one.
            if (path is "eventSourceArn" or "selfManagedEventSource") return;
            spec[field.WireName] = FullMappings.PerKind.Select(p => MappingJson.Write(p.Configuration)[field.WireName]).First(v => v is not null)!.DeepClone();
        }

        var diagnostics = new DiagnosticBag();
        var mapping = new DesiredMapping { Name = "m", Spec = MappingJson.Read(spec), Location = new SourceLocation("m.yaml", 1, 1) };
        SemanticRules.Check(mapping, new NodeLocator(mapping.Location, ""), new ManualTimeProvider(), diagnostics, RejectedFields.None);
        var refused = diagnostics.Items.Any(d => d.Severity == Severity.Error
            && (d.Field == "spec." + path || d.Field.StartsWith("spec." + path + ".", StringComparison.Ordinal) || d.Field.StartsWith("spec." + path + "[", StringComparison.Ordinal)));
        Assert.True(refused != field.Accepts(sourceKind),
            $"{path} on {kind}: the table says {(field.Accepts(sourceKind) ? "accepted" : "not accepted")}, validation {(refused ? "refuses it" : "accepts it")}: {string.Join("; ", diagnostics.Items)}");
    }
}
