using EcsConsole.Domain.Permissions;

namespace EcsConsole.Domain.ImageBuilder;

/// <summary>The state rule of template actions: one build at a time, and no delete under a running build (IB-42/43, IB-50).</summary>
public static class TemplateRules
{
    /// <summary>Refuses starting a build or deleting while a build of the template has not ended.</summary>
    public static EcsError? CannotChangeWhileBuilding(string pipelineId, bool hasRunningExecution) =>
        hasRunningExecution ? ImageBuilderErrors.HasRunningExecution(pipelineId) : null;
}

/// <summary>What can be done to an image template from its row.</summary>
public enum TemplateAction
{
    StartBuild,
    Delete,
}

/// <summary>
/// The affordance query for image templates (ADR-011): null when the actor may do the action now, else the
/// <see cref="EcsError"/> <see cref="ImageBuildService"/> or <see cref="ImagePipelineService"/> would refuse with.
/// </summary>
public static class TemplateAffordances
{
    public static EcsError? Check(Actor actor, PipelineSummary summary, TemplateAction action) =>
        Access.CheckCanWrite(actor) ?? TemplateRules.CannotChangeWhileBuilding(summary.Pipeline.Id, summary.HasRunningExecution);
}
