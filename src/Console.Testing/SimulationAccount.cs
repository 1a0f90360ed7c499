namespace EcsConsole.Testing;

/// <summary>An isolated account made by <see cref="EcsConsoleHost.CreateAccountAsync"/>: its Admin user (confirmed, signs
/// in with <see cref="Password"/>) and an AccessKey pair for the ECS API.</summary>
public sealed record SimulationAccount(string AccountId, string Email, string Password, string AccessKeyId, string AccessKeySecret);

/// <summary>A simulation control answered with an error: its HTTP status and ECS-style code (ui-contract §7).</summary>
public sealed class SimulationControlException(int status, string? code, string body)
    : Exception($"The simulation control answered {status} {code}: {body}")
{
    public int Status { get; } = status;

    public string? Code { get; } = code;
}
