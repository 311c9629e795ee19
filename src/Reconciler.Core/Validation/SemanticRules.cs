using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Model;

namespace Reconciler.Core.Validation;

/// <summary>Layer 2: the rules the API documents but a schema cannot say, decided by the kind of source.</summary>
internal static class SemanticRules
{
    public static void Check(DesiredMapping mapping, NodeLocator locator, TimeProvider clock, DiagnosticBag diagnostics)
    {
        var context = new RuleContext(mapping, EventSource.KindOf(mapping.Spec), locator, clock, diagnostics);
        SourceRules.Check(context);
        if (context.Kind == SourceKind.Unknown) return;
        SettingRules.Check(context);
        BatchRules.Check(context);
        ConsistencyRules.Check(context);
    }
}
