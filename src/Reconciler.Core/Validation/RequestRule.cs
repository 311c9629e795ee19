namespace Reconciler.Core.Validation;

/// <summary>
/// One rule of a create request. <see cref="Reads"/> names the request members it depends on (top-level, as in
/// manifests): when a manifest wrote one of them wrongly (the schema rejected it), the rule is skipped rather than
/// judged on a value that is not there, so every independent mistake is reported in the same run and none twice.
/// <see cref="NeedsKind"/>: the rule means nothing until the source is known.
/// </summary>
internal sealed record RequestRule(string Name, string[] Reads, bool NeedsKind, Action<RuleContext> Check);
