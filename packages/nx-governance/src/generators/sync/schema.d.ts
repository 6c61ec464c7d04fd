// The sync generator takes no options: it renders whatever the governance data says.
export type SyncGeneratorSchema = Record<string, never>;
