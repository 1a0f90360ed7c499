using EcsConsole.Domain.Tasks;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcsConsole.Domain.Simulation;

/// <summary>
/// The simulated clock's one row (ADR-012): how far the product's clock runs ahead of the system clock. In the database,
/// not only in memory, so every node that shares the database reads the same time (<see cref="SimulatedClock"/>).
/// </summary>
public sealed class SimulationClockState
{
    /// <summary>The row's key: there is only ever <see cref="TheRow"/>.</summary>
    public const int TheRow = 1;

    public int Id { get; init; } = TheRow;

    /// <summary>The offset added to the system clock, in ticks (never negative).</summary>
    public long OffsetTicks { get; set; }
}

/// <summary>What a <see cref="SimulationFault"/> makes fail.</summary>
public enum SimulationFaultKind
{
    /// <summary>The next calls of an ECS API action answer an error instead of running.</summary>
    Api,

    /// <summary>The next tasks of a type fail at their end.</summary>
    Task,
}

/// <summary>
/// An injected fault (ui-contract §7), pending until <see cref="Remaining"/> calls or tasks have taken it. In the database,
/// so every node sees it and a taking is one conditional update (two parallel calls never both take the last one).
/// </summary>
public sealed class SimulationFault
{
    public required string Id { get; init; }

    public SimulationFaultKind Kind { get; init; }

    /// <summary>The ECS action an API fault answers for (e.g. <c>CopyImage</c>); null for a task fault.</summary>
    public string? Action { get; init; }

    /// <summary>The task type a task fault fails; null for an API fault.</summary>
    public AsyncTaskType? TaskType { get; init; }

    /// <summary>The error code answered or recorded.</summary>
    public required string Code { get; init; }

    /// <summary>The HTTP status of an API fault's answer; a task fault's error keeps ECS's usual 500.</summary>
    public int HttpStatus { get; init; }

    /// <summary>How many more calls or tasks it fails.</summary>
    public int Remaining { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class SimulationClockStateConfiguration : IEntityTypeConfiguration<SimulationClockState>
{
    public void Configure(EntityTypeBuilder<SimulationClockState> builder)
    {
        builder.ToTable("SimulationClock");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
    }
}

internal sealed class SimulationFaultConfiguration : IEntityTypeConfiguration<SimulationFault>
{
    public void Configure(EntityTypeBuilder<SimulationFault> builder)
    {
        builder.ToTable("SimulationFaults");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).HasMaxLength(32);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(8);
        builder.Property(f => f.Action).HasMaxLength(64);
        builder.Property(f => f.TaskType).HasConversion<string>().HasMaxLength(32);
        builder.Property(f => f.Code).HasMaxLength(128);
        builder.HasIndex(f => new { f.Kind, f.Action });
        builder.HasIndex(f => new { f.Kind, f.TaskType });
    }
}
