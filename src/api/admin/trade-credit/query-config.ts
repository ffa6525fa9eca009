import { ACCOUNT_FIELDS } from "../../utils/format"

export const retrieveAccountQueryConfig = {
  defaults: ACCOUNT_FIELDS,
  isList: false,
}

export const listAccountsQueryConfig = {
  defaults: ACCOUNT_FIELDS,
  defaultLimit: 20,
  isList: true,
}
