/** An organizer of a council, as its staff choose whom to assign a prospect to: no e-mail address. */
export class CouncilOrganizerDto {
  id!: string;

  /** The name shown in the console, e.g. 山田 太郎. */
  displayName!: string;
}

/** The active organizers of one council, by name. */
export class CouncilOrganizersDto {
  items!: CouncilOrganizerDto[];
}
