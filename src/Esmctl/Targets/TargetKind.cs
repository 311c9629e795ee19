namespace Esmctl.Targets;

public enum TargetKind
{
    Local,
    Aws,
}
