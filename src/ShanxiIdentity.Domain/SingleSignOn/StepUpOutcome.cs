namespace ShanxiIdentity.Domain.SingleSignOn;

public enum StepUpOutcome
{
    /// <summary>The sign-in meets every requirement: issue the tokens with <see cref="StepUp.Acr"/>.</summary>
    Satisfied = 1,

    /// <summary>The account's 实名等级 is below the requirement: unmet_authentication_requirements.</summary>
    LevelTooLow = 2,

    /// <summary>A second factor is asked for and the session was signed in without one.</summary>
    SecondFactorNeeded = 3,
}
