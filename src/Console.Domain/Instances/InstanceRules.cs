namespace EcsConsole.Domain.Instances;

/// <summary>
/// The state rules of instance actions (INS-03..07, CRT-INS-01), one function each: <see cref="InstanceService"/> and
/// <see cref="EcsConsole.Domain.Images.CreateImageService"/> refuse with them, and <see cref="InstanceAffordances"/>
/// asks them for what the console shows as enabled (ADR-011). Null when the rule allows the action.
/// </summary>
public static class InstanceRules
{
    /// <summary>Start (from Stopped) and stop (from Running): the instance must be in <paramref name="from"/>.</summary>
    public static EcsError? CannotMove(string name, InstanceStatus status, InstanceStatus from, string verb) =>
        status == from ? null : InstanceErrors.IncorrectStatus($"Only a {from} instance can be {verb}; {name} is {status}.");

    /// <summary>ModifyInstanceAttribute: the host name and the password change only while the instance is Running or Stopped.</summary>
    public static EcsError? CannotModifyLogon(string name, InstanceStatus status) =>
        status is InstanceStatus.Running or InstanceStatus.Stopped
            ? null
            : InstanceErrors.IncorrectStatus($"The host name and the password change only while the instance is Running or Stopped; {name} is {status}.");

    /// <summary>CRT-INS-01: an image is made only from a Running or Stopped instance.</summary>
    public static EcsError? CannotCreateImage(InstanceStatus status) =>
        status is InstanceStatus.Running or InstanceStatus.Stopped
            ? null
            : InstanceErrors.IncorrectStatus($"The instance is {status}; it must be Running or Stopped.");

    /// <summary>INS-06: the system disk is replaced only while the instance is Stopped.</summary>
    public static EcsError? CannotReplaceSystemDisk(string name, InstanceStatus status) =>
        status == InstanceStatus.Stopped
            ? null
            : InstanceErrors.IncorrectStatusForbidden($"The system disk can be replaced only while the instance is Stopped; {name} is {status}.");

    /// <summary>
    /// INS-05, IPAR-32: a subscription instance is released only once it has expired, and then only when the release says
    /// so (<paramref name="terminateSubscription"/>, DeleteInstance's <c>TerminateSubscription</c>; the console's release does).
    /// </summary>
    public static EcsError? CannotReleaseByCharge(InstanceChargeType chargeType, DateTimeOffset? expiredTime, DateTimeOffset now, bool terminateSubscription = true) =>
        chargeType != InstanceChargeType.PrePaid ? null
        : expiredTime is { } expires && expires > now ? InstanceErrors.ChargeTypeViolation()
        : terminateSubscription ? null
        : InstanceErrors.ChargeTypeViolation("The subscription has expired: release it with TerminateSubscription=true.");

    /// <summary>INS-05: Stopped, or Running when released forcibly; never while it moves.</summary>
    public static EcsError? CannotReleaseInStatus(string name, InstanceStatus status, bool force) => status switch
    {
        InstanceStatus.Stopped => null,
        InstanceStatus.Running when force => null,
        InstanceStatus.Running => InstanceErrors.IncorrectStatusForbidden($"{name} is Running: stop it first, or release it forcibly."),
        _ => InstanceErrors.IncorrectStatusForbidden($"{name} is {status}: wait until it is Running or Stopped."),
    };
}
