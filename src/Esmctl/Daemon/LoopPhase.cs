namespace Esmctl.Daemon;

public enum LoopPhase
{
    Starting,
    Ticking,
    Waiting,
    Stopping,
    Stopped,
}
