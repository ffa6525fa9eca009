import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import PayOnAccountProviderService from "./service"

export default ModuleProvider(Modules.PAYMENT, {
  services: [PayOnAccountProviderService],
})
