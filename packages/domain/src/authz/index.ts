export { defineAbilityFor, accessibleWhere, type Action, type AppAbility, type Subject, type SubjectClass } from './ability.ts'
export { ANONYMOUS, isAnonymous, type Actor, type ActiveMembership } from './actor.ts'
export { scoped, authorize, authorizeType } from './scoped.ts'
