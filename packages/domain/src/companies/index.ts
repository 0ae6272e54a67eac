// Company accounts: the buyer side of the marketplace (ship-to addresses so far).
export { ShipTo } from './ship-to.entity.ts'
export { chooseShipTo, chosenShipTo, deleteShipTo, listMyShipTos, saveShipTo, type ShipToDto } from './ship-tos.ts'
