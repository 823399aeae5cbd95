import type { AccountStore } from "./accountStore";
import type { BoardStore } from "./boardStore";

/** Everything the server stores: boards and their update logs, accounts and access. */
export type Storage = BoardStore & AccountStore;
