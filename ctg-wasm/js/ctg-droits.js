// <ctg-droits>: the access-to-rights questionnaire (being built).
export class CtgDroitsElement extends HTMLElement {}
